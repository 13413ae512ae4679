package io.github.tencentci.camel.http;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLSession;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes HTTP connections that cannot print a secret, whatever the logging configuration.
 * <p>
 * HttpClient's own connections print every request header to {@code org.apache.hc.client5.http.headers} and every
 * byte to {@code org.apache.hc.client5.http.wire} at DEBUG. Both would show the STS session token, which travels
 * as the plain value of {@code x-ci-security-token}, and the Authorization signature. These connections attach no
 * wire logger at all, and log request headers to {@value #HEADER_LOGGER} at DEBUG with the values of secret headers
 * masked. Everything else (pooling, timeouts, TLS) is HttpClient's.
 */
public final class SecretSafeConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    /** Where request headers are logged, masked, at DEBUG. */
    public static final String HEADER_LOGGER = "io.github.tencentci.camel.http.headers";

    private static final Logger HEADER_LOG = LoggerFactory.getLogger(HEADER_LOGGER);

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        SecretSafeConnection connection = new SecretSafeConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class SecretSafeConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection {

        private volatile Timeout socketTimeout;

        SecretSafeConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return super.getSSLSession();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            this.socketTimeout = timeout;
            super.setSocketTimeout(timeout);
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug(">> {} {}", request.getMethod(), request.getRequestUri());
                for (Header header : request.getHeaders()) {
                    // a SecretHeader masks itself; any other header naming a credential is masked here
                    HEADER_LOG.debug(">> {}", isSecret(header) ? header.getName() + ": ******" : header);
                }
            }
        }

        private static boolean isSecret(Header header) {
            String name = header.getName();
            return name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase(SecretHeader.SECURITY_TOKEN)
                   || name.equalsIgnoreCase("Proxy-Authorization");
        }
    }
}
