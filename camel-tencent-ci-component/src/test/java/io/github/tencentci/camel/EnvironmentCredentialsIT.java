package io.github.tencentci.camel;

import java.time.Duration;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no credentials in the URI, the endpoint signs with {@code TENCENTCLOUD_SECRET_ID}/{@code _SECRET_KEY}/
 * {@code _SESSION_TOKEN}. Failsafe sets those variables for this JVM only (see the component pom), so the other tests
 * keep a clean environment.
 */
class EnvironmentCredentialsIT {

    @Test
    void signsWithTheTencentCloudEnvironmentVariables() throws Exception {
        String id = System.getenv("TENCENTCLOUD_SECRET_ID");
        String key = System.getenv("TENCENTCLOUD_SECRET_KEY");
        String token = System.getenv("TENCENTCLOUD_SESSION_TOKEN");
        assertThat(id).as("set by failsafe for this test").isNotBlank();

        try (CiEmulator emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(id, key).sessionToken(token).start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            emulator.jobs().add(EmulatedJob.builder().jobId("env1").name("env").type("Job").state("Failed")
                    .creationTime(java.time.OffsetDateTime.now()).build());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&initialDelay=0&delay=50").to("mock:jobs");
                }
            });
            context.start();
            MockEndpoint mock = context.getEndpoint("mock:jobs", MockEndpoint.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() == 1);

            assertThat(emulator.requests().last().status()).isEqualTo(200);
            assertThat(emulator.requests().last().headers()).containsEntry("x-ci-security-token", token);
            assertThat(emulator.requests().last().headers().get("authorization")).contains("q-ak=" + id)
                    .contains("x-ci-security-token");
        }
    }
}
