package io.github.tencentci.camel.kamelet;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@code kamelets/tencent-ci-jobs-source.kamelet.yaml} as a user does, found on the class path by Camel's
 * default kamelet location, against the emulator: each job of the asked states arrives once, as JSON.
 */
class JobsSourceKameletTest extends EmulatorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSourceEmitsEachJobOfTheFilteredStatesAsJson() throws Exception {
        emulator.jobs().add(job("k0000000000000000000000000000000a", "Failed", 0));
        emulator.jobs().add(job("k0000000000000000000000000000000b", "Success", 1));
        emulator.jobs().add(job("k0000000000000000000000000000000c", "Running", 2));
        emulator.jobs().add(job("k0000000000000000000000000000000d", "Failed", 3));

        context.getPropertiesComponent().addInitialProperty("ci.endpoint", emulator.baseUrl());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:tencent-ci-jobs-source?bucket=examplebucket-1250000000&region=ap-chongqing"
                     + "&endpoint={{ci.endpoint}}&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY + ")"
                     + "&states=Failed,Success&type=Job&size=2&delay=100")
                        .routeId("kamelet-jobs").to("mock:jobs");
            }
        });

        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.getReceivedCounter() >= 3);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(3)).until(() -> jobs.getReceivedCounter() == 3);

        List<Exchange> received = jobs.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID))
                .containsExactlyInAnyOrder("k0000000000000000000000000000000a", "k0000000000000000000000000000000b",
                        "k0000000000000000000000000000000d");
        for (Exchange exchange : received) {
            String body = exchange.getMessage().getBody(String.class);
            JsonNode job = JSON.readTree(body);
            assertThat(job.path("jobId").asText()).isEqualTo(exchange.getMessage().getHeader(TencentCiConstants.JOB_ID));
            assertThat(job.path("state").asText()).isIn("Failed", "Success");
            assertThat(job.path("creationTime").asText()).as("ISO-8601, not epoch numbers").startsWith("2024-12-31T");
        }
        // the kamelet's filter options reached the service; size=2 made the listing take two pages or more
        assertThat(emulator.requests().all()).allSatisfy(request -> {
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.params()).containsEntry("type", "Job").containsEntry("size", "2");
        });
    }
}
