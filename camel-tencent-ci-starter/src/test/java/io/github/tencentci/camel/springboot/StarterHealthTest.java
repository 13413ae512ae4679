package io.github.tencentci.camel.springboot;

import java.time.Duration;
import java.util.Map;

import io.github.tencentci.camel.springboot.app.StarterTestApplication;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component's consumer health check as Spring Boot Actuator shows it (camel-spring-boot's {@code camelHealth}
 * indicator): DOWN with CI's error code while the service refuses every poll, UP again once it answers.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.tencent-ci.secret-id=" + StarterEmulator.SECRET_ID,
        "camel.component.tencent-ci.secret-key=" + StarterEmulator.SECRET_KEY,
        "camel.component.tencent-ci.retry-attempts=1",
        "management.endpoint.health.show-details=always",
        "camel.health.exposure-level=full" })
@DirtiesContext
class StarterHealthTest {

    private static final CiEmulator EMULATOR = StarterEmulator.start();

    static {
        // refused from the first poll on, until the test clears it
        EMULATOR.faults().always(Fault.error(403, "AccessDenied", "no permission to list jobs"));
    }

    @Autowired
    HealthEndpoint health;
    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        StarterEmulator.registerLocation(registry, EMULATOR);
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void actuatorHealthIsDownWithTheCiErrorCodeWhilePollsFailAndUpAfter() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Health camel = camelHealth();
            assertThat(camel.getStatus()).isEqualTo(Status.DOWN);
            assertThat(camel.getDetails()).containsEntry("consumer:jobs", "DOWN");
            assertThat(consumerData(camel)).containsEntry("ci.error.code", "AccessDenied")
                    .containsEntry("ci.http.status", "403");
        });
        assertThat(health.health().getStatus()).as("the application's overall health").isEqualTo(Status.DOWN);

        EMULATOR.faults().clear();

        MockEndpoint jobs = camelContext.getEndpoint("mock:jobs", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.getReceivedCounter() == 4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Health camel = camelHealth();
            assertThat(camel.getStatus()).isEqualTo(Status.UP);
            assertThat(camel.getDetails()).containsEntry("consumer:jobs", "UP");
        });
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private Health camelHealth() {
        return (Health) health.healthForPath("camelHealth");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consumerData(Health camel) {
        Object data = camel.getDetails().get("consumer:jobs.data");
        assertThat(data).as("details of consumer:jobs").isInstanceOf(Map.class);
        return (Map<String, Object>) data;
    }
}
