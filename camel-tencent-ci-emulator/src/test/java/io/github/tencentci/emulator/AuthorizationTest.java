package io.github.tencentci.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static io.github.tencentci.emulator.CiClient.element;
import static io.github.tencentci.emulator.CiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Signature checks over real HTTP: SDK-signed requests pass, altered ones get the right refusal. */
class AuthorizationTest {

    private CiEmulator emulator;
    private CiClient client;

    @BeforeEach
    void start() {
        emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).credentials("AKIDsecond", "secondKey").start();
        emulator.jobs().seed(3, 1L);
        client = new CiClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void acceptsSdkSignedRequestsWithEveryParameter() {
        Map<String, String> params = params("size", "5", "states", "Running,Success", "type", "Job",
                "orderByTime", "Asc", "startCreationTime", "2020-01-01T00:00:00+0800",
                "endCreationTime", "2040-01-01T00:00:00+0800", "workflowId", "w1", "jobId", "b1", "name", "a b+c/d");

        HttpResponse<String> response = client.list(params);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsEveryConfiguredKeyPair() {
        String authorization = client.sdkAuthorization(Map.of(), "AKIDsecond", "secondKey", 600, true);

        assertThat(client.get("/inventorytriggerjob", Map.of(), authorization).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAMissingHeader() {
        assertRefused(client.get("/inventorytriggerjob", Map.of(), null), 401, "MissingAuthorization", "Authorization");
    }

    @Test
    void refusesAMalformedHeader() {
        assertRefused(client.get("/inventorytriggerjob", Map.of(), "q-sign-algorithm=sha1&q-ak=AKIDexample"),
                403, "InvalidAuthorization", "missing fields");
    }

    @Test
    void refusesAChangedParameter() {
        String authorization = client.sdkAuthorization(params("size", "5"), SECRET_ID, SECRET_KEY, 600, true);

        assertRefused(client.get("/inventorytriggerjob", params("size", "6"), authorization),
                403, "SignatureDoesNotMatch", "does not match");
    }

    @Test
    void refusesAnUnsignedParameter() {
        String authorization = client.sdkAuthorization(params("size", "5"), SECRET_ID, SECRET_KEY, 600, true);

        assertRefused(client.get("/inventorytriggerjob", params("size", "5", "states", "Running"), authorization),
                403, "AccessDenied", "'states' is not signed");
    }

    @Test
    void refusesAWrongKey() {
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, "notTheKey", 600, true);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 403, "SignatureDoesNotMatch", "signature");
    }

    @Test
    void refusesAnUnknownSecretId() {
        String authorization = client.sdkAuthorization(Map.of(), "AKIDunknown", SECRET_KEY, 600, true);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 403, "SecretidNotExist", "AKIDunknown");
    }

    @Test
    void refusesAnExpiredWindow() {
        Instant now = Instant.now();
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, now.minusSeconds(3600),
                now.minusSeconds(60), true);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 403, "RequestTimeTooSkewed", "server time");
    }

    @Test
    void clockSkewMakesFreshSignaturesTooEarlyAndBack() {
        Instant now = Instant.now();
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, now.minusSeconds(60),
                now.plusSeconds(600), true);

        emulator.setClockSkew(Duration.ofHours(-1));
        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 403, "RequestTimeTooSkewed", "q-key-time");
        emulator.setClockSkew(Duration.ZERO);
        assertThat(client.get("/inventorytriggerjob", Map.of(), authorization).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnsignedHost() {
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, 600, false);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 403, "AccessDenied", "host header is not signed");
    }

    @Test
    void refusesASignatureForAnotherHost() {
        Instant now = Instant.now();
        String keyTime = now.minusSeconds(60).getEpochSecond() + ";" + now.plusSeconds(600).getEpochSecond();
        String authorization = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, "GET", "/inventorytriggerjob",
                Map.of(), Map.of("host", "examplebucket-1250000000.ci.ap-beijing.myqcloud.com"));

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 403, "SignatureDoesNotMatch", "[host]");
    }

    @Test
    void signaturesAreNotCheckedWhenDisabled() {
        try (CiEmulator open = CiEmulator.builder().verifySignatures(false).start()) {
            assertThat(new CiClient(open).get("/inventorytriggerjob", Map.of(), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sessionTokenMustBePresentSignedAndEqual() {
        try (CiEmulator sts = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).sessionToken("tmpTOKEN/abc+=").start()) {
            CiClient stsClient = new CiClient(sts);
            Instant now = Instant.now();
            String keyTime = now.minusSeconds(60).getEpochSecond() + ";" + now.plusSeconds(600).getEpochSecond();
            Map<String, String> params = params("size", "100", "name", "demo job");
            String withToken = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, "GET", "/inventorytriggerjob",
                    params, Map.of("host", stsClient.host(), "x-ci-security-token", "tmpTOKEN/abc+="));
            String withWrongToken = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, "GET", "/inventorytriggerjob",
                    params, Map.of("host", stsClient.host(), "x-ci-security-token", "stolen"));
            String withoutToken = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, "GET", "/inventorytriggerjob",
                    params, Map.of("host", stsClient.host()));

            assertThat(stsClient.get("/inventorytriggerjob", params, withToken,
                    "x-ci-security-token", "tmpTOKEN/abc+=").statusCode()).isEqualTo(200);
            assertRefused(stsClient.get("/inventorytriggerjob", params, withoutToken),
                    403, "AccessDenied", "has none");
            assertRefused(stsClient.get("/inventorytriggerjob", params, withoutToken, "x-ci-security-token", "tmpTOKEN/abc+="),
                    403, "AccessDenied", "is not signed");
            HttpResponse<String> wrong = stsClient.get("/inventorytriggerjob", params, withWrongToken,
                    "x-ci-security-token", "stolen");
            assertRefused(wrong, 403, "AccessDenied", "not the session token");
            assertThat(wrong.body()).doesNotContain("tmpTOKEN");
        }
    }

    @Test
    void ciVectorAVerifiesOnTheWire() throws Exception {
        String id = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
        Clock inWindow = Clock.fixed(Instant.ofEpochSecond(1700000100), ZoneOffset.UTC);
        try (CiEmulator vector = CiEmulator.builder().credentials(id, "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz").clock(inWindow).start();
             Socket socket = new Socket("127.0.0.1", vector.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /inventorytriggerjob HTTP/1.1\r\nHost: examplebucket-1250000000.ci.ap-beijing.myqcloud.com\r\n"
                    + "Authorization: q-sign-algorithm=sha1&q-ak=" + id + "&q-sign-time=1700000000;1700003600"
                    + "&q-key-time=1700000000;1700003600&q-header-list=host&q-url-param-list="
                    + "&q-signature=e077d8feb56d1a90d9cec4a2befd92a6ab48d410\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(element(response.body(), "Code")).isEqualTo(code);
        assertThat(element(response.body(), "Message")).contains(messagePart).doesNotContain(SECRET_KEY);
        assertThat(response.headers().firstValue("x-ci-trace-id")).isPresent();
        assertThat(response.headers().firstValue("x-ci-request-id")).contains(element(response.body(), "RequestId"));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/xml");
    }
}
