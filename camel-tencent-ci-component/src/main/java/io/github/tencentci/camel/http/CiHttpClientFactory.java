package io.github.tencentci.camel.http;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the pooled, kept-alive HttpClient 5 client an endpoint uses.
 * <p>
 * Automatic retries and redirects are off on purpose: the consumer decides what to retry (and says so in its log),
 * and a redirect from CI is an error worth seeing, not following. HttpClient's own retry strategy would also sleep
 * silently on {@code Retry-After}, making a consumer look hung. Connections come from
 * {@link SecretSafeConnectionFactory}, so HttpClient's header and wire logs cannot print the session token.
 */
public final class CiHttpClientFactory {

    private CiHttpClientFactory() {
    }

    /**
     * @param settings timeouts, proxy and TLS settings
     */
    public static CloseableHttpClient create(HttpSettings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new SecretSafeConnectionFactory())
                .setMaxConnTotal(20)
                .setMaxConnPerRoute(10)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("camel-tencent-ci");
        if (settings.proxyHost() != null) {
            HttpHost proxy = new HttpHost(settings.proxyScheme(), settings.proxyHost(), settings.proxyPort());
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = settings.proxyPassword() == null ? new char[0] : settings.proxyPassword().toCharArray();
                credentials.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(settings.proxyUsername(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        return builder.build();
    }

    /** What the factory needs: timeouts, an optional proxy, an optional TLS context ({@code null}: the JVM's default). */
    public record HttpSettings(
            long connectTimeoutMillis, long responseTimeoutMillis,
            String proxyScheme, String proxyHost, int proxyPort, String proxyUsername, String proxyPassword,
            SSLContext sslContext, HttpClientConfigurer configurer) {

        @Override
        public String toString() {
            return "HttpSettings[connectTimeout=" + connectTimeoutMillis + "ms, responseTimeout=" + responseTimeoutMillis
                   + "ms, proxy=" + (proxyHost == null ? "none" : proxyScheme + "://" + proxyHost + ":" + proxyPort) + "]";
        }
    }
}
