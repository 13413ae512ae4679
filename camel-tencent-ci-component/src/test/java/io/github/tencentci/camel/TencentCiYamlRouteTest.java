package io.github.tencentci.camel;

import java.time.Duration;

import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A YAML DSL route that names the options as a parameter map: YAML builds the URI with the generated URI factory, so
 * this proves the factory is present and current.
 */
class TencentCiYamlRouteTest extends EmulatorTestSupport {

    @Test
    void aYamlRouteWithAParameterMapReceivesFailedJobs() throws Exception {
        emulator.jobs().add(job("ok1", "Success", 0));
        emulator.jobs().add(job("bad1", "Failed", 1));
        String yaml = """
                - route:
                    id: failed-jobs
                    from:
                      uri: tencent-ci:jobs
                      parameters:
                        endpoint: "%s"
                        secretId: "%s"
                        secretKey: "%s"
                        states: Failed
                        size: 50
                        initialDelay: 0
                        delay: 50
                      steps:
                        - to: mock:jobs
                """.formatted(emulator.baseUrl(), SECRET_ID, SECRET_KEY);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("failed-jobs.yaml", yaml));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        assertThat(getMockEndpoint("mock:jobs").getReceivedExchanges().get(0).getMessage()
                .getHeader(TencentCiConstants.JOB_ID)).isEqualTo("bad1");
        assertThat(emulator.requests().last().params()).containsEntry("states", "Failed").containsEntry("size", "50");
    }
}
