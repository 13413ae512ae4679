package io.github.tencentci.examples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The application as a newcomer starts it: application.properties unchanged, no credentials, so it polls its own
 * emulator in live mode; failed jobs it makes up reach Kafka, and Actuator shows the consumer UP.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FailedJobsApplication.class, properties = {
        "failedjobs.poll-delay=200", "failedjobs.topic=" + DemoEmulatorFallbackTest.TOPIC })
@DirtiesContext
class DemoEmulatorFallbackTest {

    static final String TOPIC = "failed-jobs-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InJvmKafka KAFKA = InJvmKafka.start();

    @Autowired
    CiEmulator demoEmulator;
    @Autowired
    CamelContext camelContext;
    @Autowired
    HealthEndpoint health;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        KAFKA.createTopic(TOPIC);
        registry.add("camel.component.kafka.brokers", KAFKA::bootstrapServers);
    }

    /** Camel first, so that its Kafka producer and poller never talk to stopped servers. */
    @AfterEach
    void stopCamel() {
        camelContext.stop();
    }

    @AfterAll
    static void stop() throws Exception {
        KAFKA.close();
    }

    @Test
    void withoutCredentialsTheDemoEmulatorsFailedJobsReachKafka() throws Exception {
        assertThat(camelContext.getComponent("tencent-ci", TencentCiComponent.class).getConfiguration().getEndpoint())
                .isEqualTo(demoEmulator.baseUrl());

        List<JsonNode> jobs = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = KAFKA.consumerOf(TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                InJvmKafka.poll(consumer).forEach(record -> jobs.add(read(record.value())));
                assertThat(jobs).isNotEmpty();
            });
        }
        assertThat(jobs).allSatisfy(job -> assertThat(job.path("state").asText()).isEqualTo("Failed"));
        assertThat(demoEmulator.requests().all()).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));

        Health camel = (Health) health.healthForPath("camelHealth");
        assertThat(camel.getStatus()).isEqualTo(Status.UP);
        assertThat(camel.getDetails()).containsEntry("consumer:failed-jobs-to-kafka", "UP");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
