package io.github.tencentci.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@link FailedJobsToSlackRoute} with a JDK HTTP server on loopback in place of Slack's incoming webhook, and
 * checks the messages camel-slack posts to it.
 */
class FailedJobsToSlackRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOK_PATH = "/services/T0000/B0000/secretpart";

    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();
    private HttpServer slack;

    @BeforeEach
    void start() throws IOException {
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext(WEBHOOK_PATH, this::receive);
        slack.start();
    }

    @AfterEach
    void stop() {
        slack.stop(0);
    }

    /** Answers like Slack: 200 with body {@code ok}. */
    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            posted.add(JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        }
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
    }

    @Test
    void postsOneMessagePerFailedJobWithIdNameCodeAndMessage() throws Exception {
        Properties properties = TestJobs.connectionTo(ci.emulator());
        properties.setProperty("slack.webhook-url",
                "http://127.0.0.1:" + slack.getAddress().getPort() + WEBHOOK_PATH);
        properties.setProperty("slack.channel", "ci-alerts");

        try (RunningCamel camel = RunningCamel.start(properties, new FailedJobsToSlackRoute())) {
            TestJobs.finish(ci.emulator());

            await().atMost(Duration.ofSeconds(20)).until(() -> posted.size() >= TestJobs.FAILED.size());
            await().during(Duration.ofMillis(10 * Long.parseLong(TestJobs.POLL_DELAY_MS)))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> posted.size() == TestJobs.FAILED.size());
        }
        assertThat(posted).extracting(message -> message.path("channel").asText()).containsOnly("#ci-alerts");
        assertThat(posted).extracting(message -> message.path("text").asText())
                .containsExactlyInAnyOrderElementsOf(TestJobs.FAILED.stream()
                        .map(jobId -> "Tencent CI job " + jobId + " (" + TestJobs.nameOf(jobId) + ") failed: "
                                      + TestJobs.FAILURES.get(jobId).get(0) + " "
                                      + TestJobs.FAILURES.get(jobId).get(1))
                        .toList());
    }
}
