package io.github.tencentci.emulator;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static io.github.tencentci.emulator.CiClient.element;
import static io.github.tencentci.emulator.CiClient.params;
import static io.github.tencentci.emulator.ListingTest.jobIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every scripted fault, seen by a real HTTP client. */
class FaultScriptTest {

    private CiEmulator emulator;
    private CiClient client;

    @BeforeEach
    void start() {
        emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start();
        emulator.jobs().seed(10, 3L);
        client = new CiClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void queuedFaultsPlayOncePerRequestInOrder() {
        emulator.faults().enqueue(Fault.error(503, "ServiceUnavailable", "busy"),
                Fault.error(429, "SlowDown", "slow down").retryAfter(Duration.ofMillis(1500)));

        HttpResponse<String> first = client.list(Map.of());
        HttpResponse<String> second = client.list(Map.of());
        HttpResponse<String> third = client.list(Map.of());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(element(first.body(), "Code")).isEqualTo("ServiceUnavailable");
        assertThat(element(first.body(), "Message")).isEqualTo("busy");
        assertThat(first.headers().firstValue("Retry-After")).isEmpty();
        assertThat(first.headers().firstValue("x-ci-trace-id")).isPresent();
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("2");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void alwaysPlaysUntilCleared() {
        emulator.faults().always(Fault.error(500, "InternalError", "down"));

        assertThat(client.list(Map.of()).statusCode()).isEqualTo(500);
        assertThat(client.list(Map.of()).statusCode()).isEqualTo(500);
        emulator.faults().clear();
        assertThat(client.list(Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsDoNotReplaceSignatureChecks() {
        emulator.faults().enqueue(Fault.error(503, "ServiceUnavailable", "busy"));

        assertThat(client.get("/inventorytriggerjob", Map.of(), null).statusCode()).isEqualTo(401);
        assertThat(client.list(Map.of()).statusCode()).isEqualTo(503);
    }

    @Test
    void delayAnswersNormallyAfterTheDelay() {
        emulator.faults().enqueue(Fault.delay(Duration.ofMillis(300)));

        long start = System.nanoTime();
        HttpResponse<String> response = client.list(Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(jobIds(response)).hasSize(10);
    }

    @Test
    void delayTripsAClientTimeout() {
        emulator.faults().enqueue(Fault.delay(Duration.ofSeconds(3)));
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/inventorytriggerjob"))
                .header("Authorization", client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, 600, true))
                .timeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void cutMidBodyAnnouncesTheFullLengthAndDropsTheConnection() {
        emulator.faults().enqueue(Fault.cutMidBody());

        assertThatThrownBy(() -> client.list(Map.of()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("fixed content-length");
        assertThat(emulator.requests().last().status()).isEqualTo(200);
        assertThat(client.list(Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void closeConnectionSendsNothing() throws Exception {
        emulator.faults().enqueue(Fault.closeConnection());
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, 600, true);

        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /inventorytriggerjob HTTP/1.1\r\nHost: " + client.host()
                    + "\r\nAuthorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(socket.getInputStream().read()).as("end of stream before any byte").isEqualTo(-1);
        }
        assertThat(emulator.requests().last().status()).isEqualTo(RecordedRequest.NO_RESPONSE);
    }

    @Test
    void httpClientRetriesAGetOnceWhenTheConnectionCloses() {
        // java.net.http retries an idempotent request once on a connection closed without response
        emulator.faults().always(Fault.closeConnection());

        assertThatThrownBy(() -> client.list(Map.of())).isInstanceOf(UncheckedIOException.class);
        // the request and its one retry, both closed unanswered; each is recorded before its connection is closed
        assertThat(emulator.requests().all()).extracting(RecordedRequest::status)
                .containsExactly(RecordedRequest.NO_RESPONSE, RecordedRequest.NO_RESPONSE);
    }

    @Test
    void malformedXmlIsA200ThatDoesNotParse() {
        emulator.faults().enqueue(Fault.malformedXml());

        HttpResponse<String> response = client.list(Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SAXParseException.class);
    }

    @Test
    void wellFormedPagesParse() throws Exception {
        emulator.jobs().add(EmulatedJob.builder().jobId("odd").name("a < b & \"c\"").creationTime(
                java.time.OffsetDateTime.now()).extraXml("<Unknown><Deep/></Unknown>").build());

        String body = client.list(params("size", "100")).body();

        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("JobsDetail").getLength()).isEqualTo(11);
    }

    @Test
    void repeatNextTokenNeverEnds() {
        emulator.faults().repeatNextToken(true);

        String first = element(client.list(params("size", "4")).body(), "NextToken");
        String second = element(client.list(params("size", "4", "nextToken", first)).body(), "NextToken");
        String third = element(client.list(params("size", "4", "nextToken", second)).body(), "NextToken");

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(element(client.list(params("size", "100")).body(), "NextToken")).isNotEmpty();
    }

    @Test
    void duplicateAcrossPagesRepeatsTheLastJobOfEachPage() {
        emulator.faults().duplicateAcrossPages(true);
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            HttpResponse<String> page = client.list(token == null ? params("size", "4") : params("size", "4", "nextToken", token));
            pages.add(jobIds(page));
            token = element(page.body(), "NextToken");
        } while (!token.isEmpty());

        assertThat(pages).hasSize(3);
        assertThat(pages.get(1).get(0)).isEqualTo(pages.get(0).get(3));
        assertThat(pages.get(2).get(0)).isEqualTo(pages.get(1).get(3));
        assertThat(pages.stream().flatMap(List::stream).distinct()).hasSize(10);
    }

    @Test
    void retryAfterOnlyAppliesToErrors() {
        assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(1)).retryAfter(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.error(200, "Ok", "not an error")).isInstanceOf(IllegalArgumentException.class);
    }
}
