package io.github.tencentci.camel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.tencentci.camel.client.NoSuchJobException;
import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.camel.http.HttpClientConfigurer;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.Fault;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every operation of the producer over real HTTP against the emulator: answers, refusals, headers, bodies. */
class TencentCiProducerTest extends EmulatorTestSupport {

    private static final String REQUEST_XML = """
            <Request><Name>from xml</Name><Type>Workflow</Type><Input><Prefix>in/9/</Prefix></Input>
            <Operation><WorkflowIds>w9</WorkflowIds><UserData>xml body</UserData></Operation></Request>""";

    /** Request bodies as the component's HTTP client sent them, captured by an interceptor on that client. */
    private final List<String> sentBodies = new ArrayList<>();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("captureBodies", (HttpClientConfigurer) builder -> builder.addRequestInterceptorLast(
                (request, entity, context) -> {
                    if (request instanceof ClassicHttpRequest classic && classic.getEntity() != null) {
                        synchronized (sentBodies) {
                            sentBodies.add(EntityUtils.toString(classic.getEntity(), StandardCharsets.UTF_8));
                        }
                    }
                }));
    }

    private String producerUri(String options) {
        return "tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY
               + ")&httpClientConfigurer=#captureBodies&retryBaseDelay=10" + (options.isEmpty() ? "" : "&" + options);
    }

    private Exchange send(String options, Object body, Map<String, Object> headers) {
        return template.send(producerUri(options), exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    private EmulatedJob failedWorkflowJob(String jobId) {
        return emulator.jobs().add(EmulatedJob.builder().jobId(jobId).name("nightly").type("Workflow").state("Failed")
                .code("InvalidInput").message("the input object does not exist").creationTime(T0).startTime(T0.plusSeconds(5))
                .endTime(T0.plusSeconds(50)).progress(40).inputPrefix("input/1/").workflowIds("w1").userData("u1")
                .timeInterval(T0.minusDays(1), T0.plusDays(1), null).build());
    }

    // ---- describeJob ------------------------------------------------------------------------------------------------

    @Test
    void describeJobSetsTheJobAndItsHeaders() {
        emulator.jobs().add(job("j1", "Running", 3));

        Exchange exchange = send("operation=describeJob", "untouched?", Map.of(TencentCiConstants.JOB_ID, "j1"));

        assertThat(exchange.getException()).isNull();
        JobsDetail job = exchange.getMessage().getBody(JobsDetail.class);
        assertThat(job.getJobId()).isEqualTo("j1");
        assertThat(job.getState()).isEqualTo("Running");
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TencentCiConstants.JOB_ID, "j1")
                .containsEntry(TencentCiConstants.JOB_STATE, "Running").containsEntry(TencentCiConstants.JOB_TYPE, "Job")
                .containsEntry(TencentCiConstants.JOB_NAME, "job-j1")
                .containsEntry(TencentCiConstants.CREATION_TIME, T0.plusMinutes(3))
                .containsEntry(TencentCiConstants.REQUEST_ID, emulator.requests().last().requestId());
        assertThat(exchange.getMessage().getBody(String.class)).contains("<JobId>j1</JobId>", "<State>Running</State>");
        assertThat(emulator.requests().last().toString()).isEqualTo("GET /inventorytriggerjob/j1 -> 200");
    }

    @Test
    void describeJobFallsBackToTheJobIdOption() {
        emulator.jobs().add(job("j2", "Success", 0));

        Exchange exchange = send("operation=describeJob&jobId=j2", null, Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(TencentCiConstants.JOB_STATE)).isEqualTo("Success");
    }

    @Test
    void theHeaderWinsOverTheJobIdOption() {
        emulator.jobs().addAll(job("j1", "Running", 0), job("j2", "Success", 1));

        Exchange exchange = send("operation=describeJob&jobId=j2", null, Map.of(TencentCiConstants.JOB_ID, "j1"));

        assertThat(exchange.getMessage().getBody(JobsDetail.class).getJobId()).isEqualTo("j1");
    }

    @Test
    void describeAndCancelWithoutAJobIdFailSayingWhereItComesFrom() {
        for (String operation : List.of("describeJob", "cancelJob")) {
            Exchange exchange = send("operation=" + operation, null, Map.of());

            assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(operation + " needs a job id: set the header CamelTencentCiJobId or the endpoint option jobId");
        }
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void describeJobOfAnUnknownIdFailsNamingIt() {
        Exchange exchange = send("operation=describeJob", "body", Map.of(TencentCiConstants.JOB_ID, "bdeadbeef"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(NoSuchJobException.class, e -> {
            assertThat(e.getJobId()).isEqualTo("bdeadbeef");
            assertThat(e.getRequestId()).isEqualTo(emulator.requests().last().requestId());
        }).hasMessageContaining("'bdeadbeef'").hasMessageContaining("NonExistJobIds");
        assertThat(exchange.getMessage().getBody()).isEqualTo("body");
    }

    @Test
    void aNotFoundStatusFailsWithTheServiceErrorNamingTheId() {
        emulator.faults().enqueue(Fault.error(404, "InvalidUrl", "no such resource"));

        Exchange exchange = send("operation=describeJob", null, Map.of(TencentCiConstants.JOB_ID, "b404"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CiServiceException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getErrorCode()).isEqualTo("InvalidUrl");
        }).hasMessageContaining("/inventorytriggerjob/b404");
    }

    // ---- cancelJob --------------------------------------------------------------------------------------------------

    @Test
    void cancelJobCancelsLeavesTheBodyAndSetsTheRequestId() {
        emulator.jobs().add(job("j1", "Running", 0));

        Exchange exchange = send("operation=cancelJob", "keep me", Map.of(TencentCiConstants.JOB_ID, "j1"));

        assertThat(exchange.getException()).isNull();
        assertThat(emulator.jobs().get("j1").orElseThrow().state()).isEqualTo("Cancel");
        assertThat(exchange.getMessage().getBody()).isEqualTo("keep me");
        RecordedRequest put = emulator.requests().last();
        assertThat(put.toString()).isEqualTo("PUT /inventorytriggerjob/j1?cancel -> 200");
        assertThat(put.headers().get("authorization")).contains("&q-url-param-list=cancel&");
        assertThat(exchange.getMessage().getHeader(TencentCiConstants.REQUEST_ID)).isEqualTo(put.requestId());
    }

    @Test
    void cancellingAFinishedJobFailsWithTheServiceError() {
        emulator.jobs().add(job("j1", "Success", 0));

        Exchange exchange = send("operation=cancelJob", null, Map.of(TencentCiConstants.JOB_ID, "j1"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CiServiceException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
            assertThat(e.getErrorMessage()).contains("'j1'", "Success");
            assertThat(e.getRequestId()).isEqualTo(emulator.requests().last().requestId());
        }).hasMessageStartingWith("PUT /inventorytriggerjob/j1 failed: HTTP 400 InvalidArgument");
        assertThat(emulator.jobs().get("j1").orElseThrow().state()).isEqualTo("Success");
    }

    @Test
    void cancellingAnUnknownJobFailsNamingIt() {
        Exchange exchange = send("operation=cancelJob&jobId=bmissing", null, Map.of());

        assertThat(exchange.getException()).isInstanceOf(CiServiceException.class).hasMessageContaining("bmissing");
    }

    @Test
    void aJobIdIsEncodedInThePathAndSignedDecoded() {
        Exchange exchange = send("operation=describeJob", null, Map.of(TencentCiConstants.JOB_ID, "a b+c"));

        assertThat(exchange.getException()).isInstanceOf(NoSuchJobException.class).hasMessageContaining("'a b+c'");
        assertThat(emulator.requests().last().path()).isEqualTo("/inventorytriggerjob/a b+c");
    }

    // ---- triggerJob -------------------------------------------------------------------------------------------------

    @Test
    void triggerJobSubmitsAListedJobAgainWithNothingOfTheOldRun() {
        failedWorkflowJob("bold");
        JobsDetail old = send("operation=describeJob&jobId=bold", null, Map.of()).getMessage().getBody(JobsDetail.class);

        Exchange exchange = send("operation=triggerJob", old, Map.of(TencentCiConstants.JOB_ID, "bold"));

        assertThat(exchange.getException()).isNull();
        JobsDetail created = exchange.getMessage().getBody(JobsDetail.class);
        assertThat(created.getJobId()).isNotEqualTo("bold").matches("b[0-9a-f]{32}");
        assertThat(exchange.getMessage().getHeader(TencentCiConstants.JOB_ID)).isEqualTo(created.getJobId());
        assertThat(exchange.getMessage().getHeader(TencentCiConstants.JOB_STATE)).isEqualTo("Submitted");
        assertThat(exchange.getMessage().getHeader(TencentCiConstants.REQUEST_ID))
                .isEqualTo(emulator.requests().last().requestId());
        EmulatedJob stored = emulator.jobs().get(created.getJobId()).orElseThrow();
        assertThat(stored.name()).isEqualTo("nightly");
        assertThat(stored.type()).isEqualTo("Workflow");
        assertThat(stored.workflowIds()).isEqualTo("w1");
        assertThat(stored.toXml()).contains("<Prefix>input/1/</Prefix>", "<UserData>u1</UserData>");
        assertThat(stored.code()).isEqualTo("Success");
        String sent = sentBodies.get(sentBodies.size() - 1);
        assertThat(sent).contains("<Request>", "<Name>nightly</Name>", "<Type>Workflow</Type>",
                "<Input><Prefix>input/1/</Prefix></Input>", "<WorkflowIds>w1</WorkflowIds>", "<UserData>u1</UserData>",
                "<Start>" + "2024-12-30T12:00:00+0800" + "</Start>");
        assertThat(sent).doesNotContain("bold", "JobId", "<State>", "<Code>", "<Message>", "Progress", "CreationTime",
                "StartTime", "EndTime", "InvalidInput");
        assertThat(emulator.requests().last().headers()).containsEntry("content-type", "application/xml");
    }

    @Test
    void triggerJobSendsAStringBodyAsItIs() {
        Exchange exchange = send("operation=triggerJob", REQUEST_XML, Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(sentBodies).containsExactly(REQUEST_XML);
        JobsDetail created = exchange.getMessage().getBody(JobsDetail.class);
        assertThat(created.getName()).isEqualTo("from xml");
        assertThat(created.getOperation().getUserData()).isEqualTo("xml body");
        assertThat(emulator.jobs().get(created.getJobId())).isPresent();
    }

    @Test
    void triggerJobSendsBytesAndStreamsAsTheyAre() {
        byte[] bytes = REQUEST_XML.getBytes(StandardCharsets.UTF_8);

        Exchange fromBytes = send("operation=triggerJob", bytes, Map.of());
        Exchange fromStream = send("operation=triggerJob", new ByteArrayInputStream(bytes), Map.of());

        assertThat(fromBytes.getException()).isNull();
        assertThat(fromStream.getException()).isNull();
        assertThat(sentBodies).containsExactly(REQUEST_XML, REQUEST_XML);
        assertThat(emulator.jobs().all()).extracting(EmulatedJob::name).containsOnly("from xml").hasSize(2);
    }

    @Test
    void triggerJobRefusesABodyItCannotSend() {
        Exchange exchange = send("operation=triggerJob", 42, Map.of());

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triggerJob needs a body: a JobsDetail").hasMessageContaining("java.lang.Integer");
        assertThat(emulator.requests().count()).isZero();
    }

    @Test
    void aRequestTheServiceRefusesFailsWithItsError() {
        Exchange exchange = send("operation=triggerJob", "<Request><Type>Workflow</Type></Request>", Map.of());

        assertThat(exchange.getException()).isInstanceOfSatisfying(CiServiceException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
            assertThat(e.getErrorMessage()).contains("Request/Input");
        });
        assertThat(emulator.jobs().size()).isZero();
    }

    // ---- listJobs ---------------------------------------------------------------------------------------------------

    @Test
    void listJobsReadsOnePageAndPagesWithTheNextTokenHeader() {
        addJobs(25, "Running");
        emulator.jobs().add(job("other", "Success", 99));

        List<String> ids = new ArrayList<>();
        List<Object> tokens = new ArrayList<>();
        Map<String, Object> headers = Map.of();
        do {
            Exchange page = send("size=10&states=Running&orderByTime=Asc", null, headers);
            assertThat(page.getException()).isNull();
            @SuppressWarnings("unchecked")
            List<JobsDetail> jobs = page.getMessage().getBody(List.class);
            jobs.forEach(job -> ids.add(job.getJobId()));
            assertThat(page.getMessage().getHeader(TencentCiConstants.REQUEST_ID))
                    .isEqualTo(emulator.requests().last().requestId());
            Object next = page.getMessage().getHeader(TencentCiConstants.NEXT_TOKEN);
            tokens.add(next);
            headers = next == null ? Map.of() : Map.of(TencentCiConstants.NEXT_TOKEN, next);
        } while (!headers.isEmpty());

        assertThat(ids).hasSize(25).doesNotHaveDuplicates().first().isEqualTo("j00000");
        assertThat(tokens).hasSize(3).last().isNull();
        assertThat(emulator.requests().all()).extracting(request -> request.params().get("states")).containsOnly("Running");
        assertThat(emulator.requests().all().get(1).params()).containsEntry("nextToken", String.valueOf(tokens.get(0)));
    }

    @Test
    void listJobsIsTheDefaultAndIgnoresTheJobIdHeaderOfAConsumedJob() {
        addJobs(3, "Running");

        Exchange exchange = send("", null, Map.of(TencentCiConstants.JOB_ID, "j00001"));

        assertThat(exchange.getMessage().getBody(List.class)).hasSize(3);
        assertThat(emulator.requests().last().params()).doesNotContainKey("jobId");
    }

    // ---- the operation header ---------------------------------------------------------------------------------------

    @Test
    void theOperationHeaderOverridesTheOption() {
        emulator.jobs().addAll(job("j1", "Running", 0), job("j2", "Running", 1));

        Exchange byName = send("operation=describeJob", null,
                Map.of(TencentCiConstants.OPERATION, "cancelJob", TencentCiConstants.JOB_ID, "j1"));
        Exchange byEnum = send("operation=describeJob", null,
                Map.of(TencentCiConstants.OPERATION, TencentCiOperations.cancelJob, TencentCiConstants.JOB_ID, "j2"));

        assertThat(byName.getException()).isNull();
        assertThat(byEnum.getException()).isNull();
        assertThat(emulator.jobs().all()).extracting(EmulatedJob::state).containsOnly("Cancel");
    }

    @Test
    void anUnknownOperationHeaderFailsNamingTheAllowedValues() {
        Exchange exchange = send("", null, Map.of(TencentCiConstants.OPERATION, "deleteJob"));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "Header CamelTencentCiOperation 'deleteJob' is not an operation: use one of"
                + " [listJobs, describeJob, cancelJob, triggerJob]");
        assertThat(emulator.requests().count()).isZero();
    }

    // ---- with the consumer ------------------------------------------------------------------------------------------

    @Test
    void aRouteCancelsWhatTheConsumerEmitsWithNoExtraStep() throws Exception {
        emulator.jobs().addAll(job("r1", "Running", 0), job("r2", "Running", 1), job("s1", "Success", 2));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(jobsUri("states=Running")).to(producerUri("operation=cancelJob")).to("mock:cancelled");
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:cancelled").getReceivedCounter() == 2);
        assertThat(emulator.jobs().get("r1").orElseThrow().state()).isEqualTo("Cancel");
        assertThat(emulator.jobs().get("r2").orElseThrow().state()).isEqualTo("Cancel");
        assertThat(emulator.jobs().get("s1").orElseThrow().state()).isEqualTo("Success");
    }
}
