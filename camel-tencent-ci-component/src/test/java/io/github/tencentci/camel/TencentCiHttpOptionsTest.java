package io.github.tencentci.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.tencentci.camel.http.HttpClientConfigurer;
import org.apache.camel.BindToRegistry;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP options reach the wire: the configurer hook, an injected client, and a proxy with authentication.
 */
class TencentCiHttpOptionsTest extends EmulatorTestSupport {

    @BindToRegistry("tracingConfigurer")
    private final HttpClientConfigurer configurer = builder -> builder.addRequestInterceptorFirst(
            (request, entity, context) -> request.addHeader("x-trace-route", "jobs-route"));

    @BindToRegistry("ownClient")
    private final CloseableHttpClient ownClient = HttpClients.custom()
            .addRequestInterceptorFirst((request, entity, context) -> request.addHeader("x-own-client", "yes"))
            .build();

    private HttpServer proxy;

    @AfterEach
    void stopProxy() throws IOException {
        if (proxy != null) {
            proxy.stop(0);
        }
        ownClient.close();
    }

    @Test
    void theConfigurerCustomisesTheBuiltClient() throws Exception {
        addJobs(1, "Running");
        startRoute(jobsUri("httpClientConfigurer=#tracingConfigurer"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        assertThat(takeRequest().headers()).containsEntry("x-trace-route", "jobs-route");
    }

    @Test
    void anInjectedClientIsUsedAndLeftOpenForItsOwner() throws Exception {
        addJobs(1, "Running");
        startRoute(jobsUri("httpClient=#ownClient"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        assertThat(takeRequest().headers()).containsEntry("x-own-client", "yes");

        context.getRouteController().stopRoute("jobs");
        context.removeRoute("jobs");
        context.removeEndpoints("tencent-ci:*");
        // still usable: the component did not close what it does not own
        try (var response = ownClient.executeOpen(null, new HttpGet(emulator.baseUrl() + "/other"), null)) {
            assertThat(response.getCode()).isEqualTo(404);
        }
    }

    @Test
    void requestsGoThroughAnAuthenticatingProxy() throws Exception {
        addJobs(2, "Failed");
        List<String> proxied = new CopyOnWriteArrayList<>();
        proxy = startProxy("proxyUser", "proxyPass", proxied);
        startRoute(jobsUri("proxyHost=127.0.0.1&proxyPort=" + proxy.getAddress().getPort()
                           + "&proxyUsername=proxyUser&proxyPassword=proxyPass"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 2);
        // the proxy saw the absolute URI of the listing, and the emulator accepted the signature it forwarded
        assertThat(proxied).isNotEmpty()
                .allSatisfy(uri -> assertThat(uri).startsWith(emulator.baseUrl() + "/inventorytriggerjob"));
        assertThat(takeRequest().status()).isEqualTo(200);
    }

    /** A minimal forward proxy for plain HTTP that demands Basic proxy authentication. */
    private static HttpServer startProxy(String user, String password, List<String> proxied) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                proxied.add(exchange.getRequestURI().toString());
                forward(exchange);
            }
        });
        server.start();
        return server;
    }

    private static void forward(HttpExchange exchange) throws IOException {
        HttpURLConnection target = (HttpURLConnection) URI.create(exchange.getRequestURI().toString()).toURL().openConnection();
        target.setRequestProperty("Authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        int status = target.getResponseCode();
        InputStream body = status < 400 ? target.getInputStream() : target.getErrorStream();
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        target.getHeaderFields().forEach((name, values) -> {
            if (name != null && !name.equalsIgnoreCase("Transfer-Encoding") && !name.equalsIgnoreCase("Content-Length")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
