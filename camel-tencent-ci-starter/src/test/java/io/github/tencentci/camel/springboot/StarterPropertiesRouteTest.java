package io.github.tencentci.camel.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.TencentCiConfiguration;
import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.camel.springboot.app.StarterTestApplication;
import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter's promise: {@code camel.component.tencent-ci.*} in the Spring environment configure the component, in
 * the forms a Spring user writes them (kebab-case names, {@code 5s} durations, lower-case enum values, a
 * comma-separated list), and a route whose URI names no connection option polls the service with them.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.tencent-ci.secret-id=" + StarterEmulator.SECRET_ID,
        "camel.component.tencent-ci.secret-key=" + StarterEmulator.SECRET_KEY,
        "camel.component.tencent-ci.states=Failed,success",
        "camel.component.tencent-ci.type=job",
        "camel.component.tencent-ci.order-by-time=desc",
        "camel.component.tencent-ci.size=50",
        "camel.component.tencent-ci.connect-timeout=5s",
        "camel.component.tencent-ci.response-timeout=PT20S",
        "camel.component.tencent-ci.retry-base-delay=250",
        "camel.component.tencent-ci.retry-attempts=2" })
@DirtiesContext
class StarterPropertiesRouteTest {

    private static final CiEmulator EMULATOR = StarterEmulator.start();

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
    void theRoutePollsWithTheComponentPropertiesAndGetsOnlyTheStatesTheyAskFor() {
        MockEndpoint jobs = camelContext.getEndpoint("mock:jobs", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.getReceivedCounter() >= 3);
        // a few more polls: still the same three (Running is filtered out by the service, the rest delivered once)
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> jobs.getReceivedCounter() == 3);
        assertThat(jobs.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID))
                .containsExactlyInAnyOrder(StarterEmulator.FAILED_1, StarterEmulator.FAILED_2, StarterEmulator.SUCCEEDED);

        Map<String, String> query = EMULATOR.requests().last().params();
        assertThat(query).containsEntry("type", "Job").containsEntry("orderByTime", "Desc").containsEntry("size", "50");
        assertThat(List.of(query.get("states").split(","))).containsExactlyInAnyOrder("Failed", "Success");
    }

    @Test
    void durationsAndNumbersReachTheComponentConverted() {
        TencentCiConfiguration configuration = camelContext.getComponent("tencent-ci", TencentCiComponent.class)
                .getConfiguration();
        assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
        assertThat(configuration.getResponseTimeout()).isEqualTo(20_000);
        assertThat(configuration.getRetryBaseDelay()).isEqualTo(250);
        assertThat(configuration.getRetryAttempts()).isEqualTo(2);
        // unset: the component's default, which the starter's initial value equals
        assertThat(configuration.getRetryBudget()).isEqualTo(60_000);
    }
}
