package io.github.tencentci.examples.quarkus;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tencentci.camel.TencentCiComponent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Camel Quarkus application, in JVM mode, polling an emulator configured through application properties
 * ({@link EmulatorResource}): each failed job reaches the {@link FailedJobs} bean once, as JSON, nothing else does.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class FailedJobsRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CamelContext camelContext;
    @Inject
    DemoEmulator demoEmulator;
    @Inject
    FailedJobs failedJobs;

    @Test
    void eachFailedJobReachesTheBeanOnceAsJson() throws Exception {
        assertThat(demoEmulator.emulator()).as("credentials are configured: no demo emulator").isNull();
        assertThat(camelContext.getComponent("tencent-ci", TencentCiComponent.class).getConfiguration().getSecretId())
                .isEqualTo(EmulatorResource.SECRET_ID);

        await().atMost(Duration.ofSeconds(30)).until(() -> failedJobs.recent().size() >= 2);
        // more polls of the route: nothing else arrives
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> failedJobs.recent().size() == 2);
        assertThat(failedJobs.recent()).containsOnlyKeys(EmulatorResource.FAILED);
        for (String jobId : EmulatorResource.FAILED) {
            JsonNode job = JSON.readTree(failedJobs.recent().get(jobId));
            assertThat(job.path("jobId").asText()).isEqualTo(jobId);
            assertThat(job.path("state").asText()).isEqualTo("Failed");
            assertThat(job.path("code").asText()).isEqualTo("InvalidInput");
        }
        assertThat(camelContext.getRoute("failed-jobs").getConsumer().getEndpoint().getEndpointUri())
                .startsWith("tencent-ci://jobs");
    }
}
