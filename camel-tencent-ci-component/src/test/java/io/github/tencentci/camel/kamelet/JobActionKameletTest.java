package io.github.tencentci.camel.kamelet;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code kamelets/tencent-ci-job-action.kamelet.yaml} as a user does, from a route's step, against the emulator:
 * each operation reaches the service and comes back as the kamelet promises (a job as JSON, cancel leaving the body).
 */
class JobActionKameletTest extends EmulatorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTION = "bucket=examplebucket-1250000000&region=ap-chongqing&endpoint={{ci.endpoint}}"
                                             + "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY + ")";

    @BeforeEach
    void pointAtTheEmulator() {
        context.getPropertiesComponent().addInitialProperty("ci.endpoint", emulator.baseUrl());
    }

    private void route(String from, String actionOptions) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("kamelet:tencent-ci-job-action?" + CONNECTION + "&" + actionOptions);
            }
        });
    }

    private Exchange send(Object body, Map<String, Object> headers) {
        return template.send("direct:action", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    @Test
    void describeJobGivesTheJobAsJsonWithItsHeaders() throws Exception {
        emulator.jobs().add(job("k1", "Running", 3));
        route("direct:action", "operation=describeJob");

        Exchange exchange = send("ignored", Map.of(TencentCiConstants.JOB_ID, "k1"));

        assertThat(exchange.getException()).isNull();
        JsonNode job = JSON.readTree(exchange.getMessage().getBody(String.class));
        assertThat(job.path("jobId").asText()).isEqualTo("k1");
        assertThat(job.path("state").asText()).isEqualTo("Running");
        assertThat(OffsetDateTime.parse(job.path("creationTime").asText())).as("ISO-8601").isAtSameInstantAs(T0.plusMinutes(3));
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TencentCiConstants.JOB_STATE, "Running")
                .containsEntry(TencentCiConstants.JOB_NAME, "job-k1")
                .containsEntry(TencentCiConstants.REQUEST_ID, emulator.requests().last().requestId());
        assertThat(emulator.requests().last().toString()).isEqualTo("GET /inventorytriggerjob/k1 -> 200");
    }

    @Test
    void theJobIdPropertyServesWhenTheMessageHasNoHeader() throws Exception {
        emulator.jobs().add(job("k2", "Success", 0));
        route("direct:action", "operation=describeJob&jobId=k2");

        Exchange exchange = send(null, Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(JSON.readTree(exchange.getMessage().getBody(String.class)).path("jobId").asText()).isEqualTo("k2");
    }

    @Test
    void cancelJobCancelsAndLeavesTheBody() throws Exception {
        emulator.jobs().add(job("k1", "Running", 0));
        route("direct:action", "operation=cancelJob");

        Exchange exchange = send("{\"jobId\":\"k1\"}", Map.of(TencentCiConstants.JOB_ID, "k1"));

        assertThat(exchange.getException()).isNull();
        assertThat(emulator.jobs().get("k1").orElseThrow().state()).isEqualTo("Cancel");
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("{\"jobId\":\"k1\"}");
        RecordedRequest put = emulator.requests().last();
        assertThat(put.toString()).isEqualTo("PUT /inventorytriggerjob/k1?cancel -> 200");
        assertThat(exchange.getMessage().getHeader(TencentCiConstants.REQUEST_ID)).isEqualTo(put.requestId());
    }

    @Test
    void aRefusalFailsTheExchangeWithTheServiceError() throws Exception {
        emulator.jobs().add(job("k1", "Success", 0));
        route("direct:action", "operation=cancelJob");

        Exchange exchange = send(null, Map.of(TencentCiConstants.JOB_ID, "k1"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(CiServiceException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidArgument"))
                .hasMessageStartingWith("PUT /inventorytriggerjob/k1 failed: HTTP 400");
        assertThat(emulator.jobs().get("k1").orElseThrow().state()).isEqualTo("Success");
    }

    @Test
    void triggerJobSubmitsTheRequestXmlAndGivesTheNewJobAsJson() throws Exception {
        route("direct:action", "operation=triggerJob");

        Exchange exchange = send("""
                <Request><Name>nightly</Name><Type>Workflow</Type><Input><Prefix>input/</Prefix></Input>
                <Operation><WorkflowIds>w1</WorkflowIds></Operation></Request>""", Map.of());

        assertThat(exchange.getException()).isNull();
        JsonNode created = JSON.readTree(exchange.getMessage().getBody(String.class));
        String jobId = created.path("jobId").asText();
        assertThat(jobId).isNotBlank().isEqualTo(exchange.getMessage().getHeader(TencentCiConstants.JOB_ID));
        assertThat(created.path("name").asText()).isEqualTo("nightly");
        EmulatedJob stored = emulator.jobs().get(jobId).orElseThrow();
        assertThat(stored.state()).isEqualTo("Submitted");
        assertThat(stored.workflowIds()).isEqualTo("w1");
        assertThat(emulator.requests().last().toString()).isEqualTo("POST /inventorytriggerjob -> 200");
    }

    @Test
    void theOperationHeaderWinsOverTheProperty() throws Exception {
        emulator.jobs().add(job("k1", "Running", 0));
        route("direct:action", "operation=describeJob");

        Exchange exchange = send(null, Map.of(TencentCiConstants.JOB_ID, "k1", TencentCiConstants.OPERATION, "cancelJob"));

        assertThat(exchange.getException()).isNull();
        assertThat(emulator.jobs().get("k1").orElseThrow().state()).isEqualTo("Cancel");
    }

    /** The two kamelets together: every Running job the source emits, the action cancels; the others are left. */
    @Test
    void theSourceFeedsTheActionWithTheJobIdHeader() throws Exception {
        emulator.jobs().addAll(job("k0000000000000000000000000000000a", "Running", 0),
                job("k0000000000000000000000000000000b", "Success", 1),
                job("k0000000000000000000000000000000c", "Running", 2));
        route("kamelet:tencent-ci-jobs-source?" + CONNECTION + "&states=Running&delay=100", "operation=cancelJob");

        await().atMost(Duration.ofSeconds(10)).until(() -> "Cancel".equals(state("k0000000000000000000000000000000a"))
                                                           && "Cancel".equals(state("k0000000000000000000000000000000c")));
        assertThat(state("k0000000000000000000000000000000b")).isEqualTo("Success");
    }

    private String state(String jobId) {
        return emulator.jobs().get(jobId).orElseThrow().state();
    }
}
