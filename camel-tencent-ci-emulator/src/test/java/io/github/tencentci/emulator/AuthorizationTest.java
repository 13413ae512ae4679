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
                401, "InvalidAuthorization", "missing fields");
    }

    @Test
    void refusesAChangedParameter() {
        String authorization = client.sdkAuthorization(params("size", "5"), SECRET_ID, SECRET_KEY, 600, true);

        assertRefused(client.get("/inventorytriggerjob", params("size", "6"), authorization),
                401, "AccessDenied", "does not match");
    }

    @Test
    void acceptsAnUnsignedParameterAsTheServiceDoesButNotWhenStrict() {
        String authorization = client.sdkAuthorization(params("size", "5"), SECRET_ID, SECRET_KEY, 600, true);

        assertThat(client.get("/inventorytriggerjob", params("size", "5", "states", "Running"), authorization)
                .statusCode()).isEqualTo(200);
        try (CiEmulator strict = strict()) {
            CiClient strictClient = new CiClient(strict);
            String signed = strictClient.sdkAuthorization(params("size", "5"), SECRET_ID, SECRET_KEY, 600, true);
            assertRefused(strictClient.get("/inventorytriggerjob", params("size", "5", "states", "Running"), signed),
                    403, "AccessDenied", "'states' is not signed");
        }
    }

    @Test
    void refusesAWrongKey() {
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, "notTheKey", 600, true);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 401, "AccessDenied", "signature");
    }

    @Test
    void refusesAnUnknownSecretId() {
        String authorization = client.sdkAuthorization(Map.of(), "AKIDunknown", SECRET_KEY, 600, true);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 401, "SecretidNotExist", "AKIDunknown");
    }

    @Test
    void refusesAnExpiredWindow() {
        Instant now = Instant.now();
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, now.minusSeconds(3600),
                now.minusSeconds(60), true);

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 401, "SignatureExpired", "server time");
    }

    @Test
    void clockSkewMakesFreshSignaturesTooEarlyAndBack() {
        Instant now = Instant.now();
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, now.minusSeconds(60),
                now.plusSeconds(600), true);

        emulator.setClockSkew(Duration.ofHours(-1));
        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 401, "SignatureExpired", "q-sign-time");
        emulator.setClockSkew(Duration.ZERO);
        assertThat(client.get("/inventorytriggerjob", Map.of(), authorization).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAnUnsignedHostButNotWhenStrict() {
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, 600, false);

        assertThat(client.get("/inventorytriggerjob", Map.of(), authorization).statusCode()).isEqualTo(200);
        try (CiEmulator strict = strict()) {
            CiClient strictClient = new CiClient(strict);
            assertRefused(strictClient.get("/inventorytriggerjob", Map.of(),
                            strictClient.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, 600, false)),
                    403, "AccessDenied", "host header is not signed");
        }
    }

    @Test
    void refusesASignatureForAnotherHost() {
        Instant now = Instant.now();
        String keyTime = now.minusSeconds(60).getEpochSecond() + ";" + now.plusSeconds(600).getEpochSecond();
        String authorization = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, "GET", "/inventorytriggerjob",
                Map.of(), Map.of("host", "examplebucket-1250000000.ci.ap-beijing.myqcloud.com"));

        assertRefused(client.get("/inventorytriggerjob", Map.of(), authorization), 401, "AccessDenied", "[host]");
    }

    @Test
    void signaturesAreNotCheckedWhenDisabled() {
        try (CiEmulator open = CiEmulator.builder().verifySignatures(false).start()) {
            assertThat(new CiClient(open).get("/inventorytriggerjob", Map.of(), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sessionTokenMayComeInEitherHeaderSignedOrNotButMustBeEqual() {
        try (CiEmulator sts = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).sessionToken(TOKEN).start()) {
            CiClient stsClient = new CiClient(sts);
            Map<String, String> params = params("size", "100", "name", "demo job");
            String unsigned = sign(stsClient, params, Map.of("host", stsClient.host()));

            assertThat(stsClient.get("/inventorytriggerjob", params, sign(stsClient, params,
                    Map.of("host", stsClient.host(), "x-ci-security-token", TOKEN)), "x-ci-security-token", TOKEN)
                    .statusCode()).isEqualTo(200);
            assertThat(stsClient.get("/inventorytriggerjob", params, unsigned, "x-ci-security-token", TOKEN).statusCode())
                    .isEqualTo(200);
            assertThat(stsClient.get("/inventorytriggerjob", params, unsigned, "x-cos-security-token", TOKEN).statusCode())
                    .isEqualTo(200);
            assertRefused(stsClient.get("/inventorytriggerjob", params, unsigned), 401, "AccessDenied", "has none");
            HttpResponse<String> wrong = stsClient.get("/inventorytriggerjob", params, unsigned, "x-cos-security-token", "stolen");
            assertRefused(wrong, 401, "AccessDenied", "not the session token");
            assertThat(wrong.body()).doesNotContain(TOKEN);
        }
    }

    @Test
    void strictSessionTokenMustBeASignedCiHeader() {
        try (CiEmulator sts = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).sessionToken(TOKEN)
                .strictSigning(true).start()) {
            CiClient stsClient = new CiClient(sts);
            Map<String, String> params = params("size", "100");
            String unsigned = sign(stsClient, params, Map.of("host", stsClient.host()));

            assertThat(stsClient.get("/inventorytriggerjob", params, sign(stsClient, params,
                    Map.of("host", stsClient.host(), "x-ci-security-token", TOKEN)), "x-ci-security-token", TOKEN)
                    .statusCode()).isEqualTo(200);
            assertRefused(stsClient.get("/inventorytriggerjob", params, unsigned, "x-ci-security-token", TOKEN),
                    403, "AccessDenied", "is not signed");
            assertRefused(stsClient.get("/inventorytriggerjob", params, unsigned, "x-cos-security-token", TOKEN),
                    401, "AccessDenied", "has none");
        }
    }

    @Test
    void theStringToSignTakesQSignTimeAndTheKeyQKeyTime() {
        Instant now = Instant.now();
        String keyTime = now.minusSeconds(600).getEpochSecond() + ";" + now.plusSeconds(600).getEpochSecond();
        String signTime = now.minusSeconds(60).getEpochSecond() + ";" + now.plusSeconds(60).getEpochSecond();
        Map<String, String> host = Map.of("host", client.host());
        String byReference = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, signTime, "GET",
                "/inventorytriggerjob", Map.of(), host);
        String signTimeAsKeyTime = TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, keyTime, "GET",
                "/inventorytriggerjob", Map.of(), host).replace("q-sign-time=" + keyTime, "q-sign-time=" + signTime);

        assertThat(client.get("/inventorytriggerjob", Map.of(), byReference).statusCode()).isEqualTo(200);
        assertRefused(client.get("/inventorytriggerjob", Map.of(), signTimeAsKeyTime), 401, "AccessDenied", "does not match");
    }

    private static final String TOKEN = "tmpTOKEN/abc+=";

    private static String sign(CiClient client, Map<String, String> params, Map<String, String> headers) {
        Instant now = Instant.now();
        String keyTime = now.minusSeconds(60).getEpochSecond() + ";" + now.plusSeconds(600).getEpochSecond();
        return TestSigner.authorization(SECRET_ID, SECRET_KEY, keyTime, "GET", "/inventorytriggerjob", params, headers);
    }

    private static CiEmulator strict() {
        return CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).strictSigning(true).start();
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
