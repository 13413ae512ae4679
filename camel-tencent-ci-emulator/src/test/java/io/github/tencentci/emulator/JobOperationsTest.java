package io.github.tencentci.emulator;

import com.qcloud.cos.http.HttpMethodName;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static io.github.tencentci.emulator.CiClient.element;
import static io.github.tencentci.emulator.CiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Describe, cancel and trigger over real HTTP, signed as the SDKs sign them. */
class JobOperationsTest {

    private static final ZoneOffset CN = ZoneOffset.ofHours(8);
    private static final String WORKFLOW_REQUEST = """
            <Request>
              <Name>re-run</Name>
              <Type>Workflow</Type>
              <Input><Prefix>input/1/</Prefix></Input>
              <Operation>
                <TimeInterval><Start>2022-02-25T12:00:00+0800</Start><End>2022-02-28T12:00:00+0800</End></TimeInterval>
                <WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds>
                <UserData>from a test</UserData>
              </Operation>
            </Request>
            """;

    private CiEmulator emulator;
    private CiClient client;

    @BeforeEach
    void start() {
        emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start();
        client = new CiClient(emulator);
        String[] states = {"Submitted", "Running", "Success", "Failed", "Pause", "Cancel"};
        for (int i = 0; i < states.length; i++) {
            emulator.jobs().add(EmulatedJob.builder().jobId("j" + states[i]).name("job " + i).state(states[i])
                    .creationTime(OffsetDateTime.of(2022, 6, 27, 10 + i, 0, 0, 0, CN)).inputPrefix("in/").build());
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void describesAJob() {
        HttpResponse<String> response = describe("jRunning");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).startsWith("<Response>\n<RequestId>")
                .contains(emulator.jobs().get("jRunning").orElseThrow().toXml()).doesNotContain("NonExistJobIds");
        assertThat(element(response.body(), "RequestId")).isEqualTo(response.headers().firstValue("x-ci-request-id").orElseThrow());
    }

    @Test
    void namesAnUnknownIdInNonExistJobIds() {
        HttpResponse<String> response = describe("nope");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(element(response.body(), "NonExistJobIds")).isEqualTo("nope");
        assertThat(response.body()).doesNotContain("JobsDetail");
    }

    @Test
    void cancelsWithTheParameterSignedAsTheJavaSdkDoes() {
        String authorization = client.sdkAuthorization(HttpMethodName.PUT, "/inventorytriggerjob/jRunning", params("cancel", ""));

        HttpResponse<String> response = client.send("PUT", "/inventorytriggerjob/jRunning?cancel", authorization);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
        EmulatedJob job = emulator.jobs().get("jRunning").orElseThrow();
        assertThat(job.state()).isEqualTo("Cancel");
        assertThat(job.endTime()).isNotNull();
        assertThat(emulator.takeRequest().headers().get("authorization")).contains("&q-url-param-list=cancel&");
    }

    @Test
    void cancelsWithTheParameterUnsignedAsThePythonSdkDoesEvenWithStrictSigning() {
        try (CiEmulator strict = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).strictSigning(true).start()) {
            strict.jobs().add(emulator.jobs().get("jSubmitted").orElseThrow());
            CiClient strictClient = new CiClient(strict);
            String authorization = strictClient.sdkAuthorization(HttpMethodName.PUT, "/inventorytriggerjob/jSubmitted", Map.of());

            HttpResponse<String> response = strictClient.send("PUT", "/inventorytriggerjob/jSubmitted?cancel", authorization);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            EmulatedJob job = strict.jobs().get("jSubmitted").orElseThrow();
            assertThat(job.state()).isEqualTo("Cancel");
            assertThat(job.startTime()).as("cancelled before it ran").isNull();
        }
    }

    @Test
    void stillRefusesOtherUnsignedParametersOnCancelWithStrictSigning() {
        try (CiEmulator strict = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).strictSigning(true).start()) {
            strict.jobs().add(emulator.jobs().get("jRunning").orElseThrow());
            CiClient strictClient = new CiClient(strict);
            String authorization = strictClient.sdkAuthorization(HttpMethodName.PUT, "/inventorytriggerjob/jRunning",
                    params("cancel", ""));

            HttpResponse<String> response = strictClient.send("PUT", "/inventorytriggerjob/jRunning?cancel&force=1", authorization);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(element(response.body(), "Message")).contains("'force' is not signed");
            assertThat(strict.jobs().get("jRunning").orElseThrow().state()).isEqualTo("Running");
        }
    }

    @Test
    void cancelsAPausedJob() {
        assertThat(cancel("jPause").statusCode()).isEqualTo(200);
        assertThat(emulator.jobs().get("jPause").orElseThrow().state()).isEqualTo("Cancel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Success", "Failed", "Cancel"})
    void refusesToCancelAFinishedJob(String state) {
        EmulatedJob before = emulator.jobs().get("j" + state).orElseThrow();

        HttpResponse<String> response = cancel("j" + state);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(element(response.body(), "Code")).isEqualTo("InvalidArgument");
        assertThat(element(response.body(), "Message")).contains("'j" + state + "'", "is " + state, "cannot be cancelled");
        assertThat(emulator.jobs().get("j" + state)).contains(before);
    }

    @Test
    void refusesToCancelAnUnknownJob() {
        HttpResponse<String> response = cancel("nope");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(element(response.body(), "Code")).isEqualTo("ResourceNotFound");
        assertThat(element(response.body(), "Message")).contains("'nope'");
    }

    @Test
    void refusesAPutWithoutCancel() {
        String authorization = client.sdkAuthorization(HttpMethodName.PUT, "/inventorytriggerjob/jRunning", Map.of());

        HttpResponse<String> response = client.send("PUT", "/inventorytriggerjob/jRunning", authorization);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(element(response.body(), "Message")).contains("'cancel'");
        assertThat(emulator.jobs().get("jRunning").orElseThrow().state()).isEqualTo("Running");
    }

    @Test
    void triggersAJobThatStartsSubmittedAndIsListed() {
        HttpResponse<String> response = trigger(WORKFLOW_REQUEST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String jobId = element(response.body(), "JobId");
        assertThat(jobId).matches("b[0-9a-f]{32}");
        EmulatedJob job = emulator.jobs().get(jobId).orElseThrow();
        assertThat(response.body()).contains(job.toXml());
        assertThat(job.state()).isEqualTo("Submitted");
        assertThat(job.type()).isEqualTo("Workflow");
        assertThat(job.name()).isEqualTo("re-run");
        assertThat(job.toXml()).contains("<Input>\n<Prefix>input/1/</Prefix>\n</Input>");
        assertThat(job.workflowIds()).isEqualTo("w7476ff3564ee45b7b490d64bccaba6cc");
        assertThat(job.toXml()).contains("<UserData>from a test</UserData>");
        assertThat(job.creationTime()).isCloseTo(OffsetDateTime.now(), org.assertj.core.api.Assertions.within(
                Duration.ofMinutes(1).toSeconds(), java.time.temporal.ChronoUnit.SECONDS));
        assertThat(job.startTime()).isNull();
        assertThat(job.toXml()).contains("<Start>2022-02-25T12:00:00+0800</Start>");
        assertThat(client.list(Map.of()).body()).contains("<JobId>" + jobId + "</JobId>");
    }

    @Test
    void keepsTheMediaTaskBlocksOfAnIndependentJob() {
        HttpResponse<String> response = trigger("""
                <Request><Name>snap</Name><Type>Job</Type><Input><Object>a.mp4</Object></Input>
                <Operation><Tag>Snapshot</Tag><QueueId>p1</QueueId><JobLevel>2</JobLevel>
                <JobParam><TemplateId>t1</TemplateId><Snapshot><Mode>Interval</Mode></Snapshot></JobParam>
                <Output><Region>ap-chongqing</Region><Bucket>b-125</Bucket><Object>out/${Number}.jpg</Object></Output>
                </Operation></Request>
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String xml = emulator.jobs().get(element(response.body(), "JobId")).orElseThrow().toXml();
        assertThat(xml).contains("<Object>a.mp4</Object>", "<Tag>Snapshot</Tag>", "<QueueId>p1</QueueId>",
                "<JobLevel>2</JobLevel>", "<TemplateId>t1</TemplateId>", "<Snapshot><Mode>Interval</Mode></Snapshot>",
                "<Bucket>b-125</Bucket>", "<Object>out/${Number}.jpg</Object>");
    }

    @Test
    void refusesBadTriggerRequests() {
        assertError(trigger(""), "MissingContent", "Request");
        assertError(trigger("<Request><Name>x"), "InvalidContent", "not well-formed");
        assertError(trigger("<Job/>"), "InvalidContent", "root element", "Request");
        assertError(trigger("<Request><Type>Batch</Type><Input><Prefix>a</Prefix></Input></Request>"),
                "InvalidArgument", "Request/Type", "'Batch'");
        assertError(trigger("<Request><Type>Job</Type></Request>"), "InvalidArgument", "Request/Input");
        assertError(trigger("<Request><Type>Workflow</Type><Input><Prefix>a</Prefix></Input></Request>"),
                "InvalidArgument", "WorkflowIds");
        assertError(trigger("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Request>&x;</Request>"),
                "InvalidContent", "DOCTYPE");
        assertThat(emulator.jobs().size()).isEqualTo(6);
    }

    @Test
    void checksSignaturesOnEveryOperation() {
        assertThat(client.send("GET", "/inventorytriggerjob/jRunning", null).statusCode()).isEqualTo(401);
        String listingSignature = client.sdkAuthorization(HttpMethodName.GET, "/inventorytriggerjob", Map.of());
        HttpResponse<String> wrongPath = client.send("GET", "/inventorytriggerjob/jRunning", listingSignature);
        assertThat(wrongPath.statusCode()).isEqualTo(401);
        assertThat(element(wrongPath.body(), "Code")).isEqualTo("AccessDenied");
        HttpResponse<String> getSignedPost = client.sendWithBody("POST", "/inventorytriggerjob", WORKFLOW_REQUEST, listingSignature);
        assertThat(getSignedPost.statusCode()).isEqualTo(401);
        assertThat(emulator.jobs().size()).isEqualTo(6);
    }

    @Test
    void recordsTheOperationsAndPlaysFaultsOnThem() {
        emulator.faults().enqueue(Fault.error(429, "SlowDown", "slow down"));

        assertThat(describe("jRunning").statusCode()).isEqualTo(429);
        assertThat(describe("jRunning").statusCode()).isEqualTo(200);
        cancel("jRunning");
        trigger(WORKFLOW_REQUEST);

        assertThat(emulator.requests().all()).extracting(RecordedRequest::toString).containsExactly(
                "GET /inventorytriggerjob/jRunning -> 429 SlowDown",
                "GET /inventorytriggerjob/jRunning -> 200",
                "PUT /inventorytriggerjob/jRunning?cancel -> 200",
                "POST /inventorytriggerjob -> 200");
    }

    @Test
    void runsTriggeredJobsInLiveMode() {
        emulator.jobs().clear();
        String jobId = element(trigger(WORKFLOW_REQUEST).body(), "JobId");

        emulator.startLiveMode(new LiveMode(Duration.ofMillis(10), 0.5, 0.5, 0, 1L));

        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.jobs().get(jobId).orElseThrow().state(),
                state -> state.equals("Success") || state.equals("Failed"));
    }

    @Test
    void answersOtherPathsAndMethodsWithErrors() {
        String authorization = client.sdkAuthorization(HttpMethodName.DELETE, "/inventorytriggerjob/jRunning", Map.of());
        assertThat(client.send("DELETE", "/inventorytriggerjob/jRunning", authorization).statusCode()).isEqualTo(405);
        String nested = client.sdkAuthorization(HttpMethodName.GET, "/inventorytriggerjob/a/b", Map.of());
        assertThat(client.send("GET", "/inventorytriggerjob/a/b", nested).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> describe(String jobId) {
        String path = "/inventorytriggerjob/" + jobId;
        return client.send("GET", path, client.sdkAuthorization(HttpMethodName.GET, path, Map.of()));
    }

    private HttpResponse<String> cancel(String jobId) {
        String path = "/inventorytriggerjob/" + jobId;
        return client.send("PUT", path + "?cancel", client.sdkAuthorization(HttpMethodName.PUT, path, params("cancel", "")));
    }

    private HttpResponse<String> trigger(String body) {
        return client.sendWithBody("POST", "/inventorytriggerjob", body,
                client.sdkAuthorization(HttpMethodName.POST, "/inventorytriggerjob", Map.of()),
                "Content-Type", "application/xml");
    }

    private static void assertError(HttpResponse<String> response, String code, String... messageParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(element(response.body(), "Code")).isEqualTo(code);
        assertThat(element(response.body(), "Message")).contains(messageParts);
    }
}
