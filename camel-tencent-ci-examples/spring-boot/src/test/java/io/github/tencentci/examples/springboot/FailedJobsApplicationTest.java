package io.github.tencentci.examples.springboot;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a user configures it for a real bucket, with properties only: connection and credentials under
 * {@code camel.component.tencent-ci.*}, brokers under {@code camel.component.kafka.*}, the route under
 * {@code failedjobs.*}; here pointing at an emulator holding known jobs and a Kafka broker in this JVM.
 */
@CamelSpringBootTest
@SpringBootTest(classes = FailedJobsApplication.class, properties = {
        "camel.component.tencent-ci.bucket=examplebucket-1250000000",
        "camel.component.tencent-ci.region=ap-chongqing",
        "camel.component.tencent-ci.secret-id=" + FailedJobsApplicationTest.SECRET_ID,
        "camel.component.tencent-ci.secret-key=" + FailedJobsApplicationTest.SECRET_KEY,
        "failedjobs.poll-delay=100",
        "failedjobs.topic=" + FailedJobsApplicationTest.TOPIC })
@DirtiesContext
class FailedJobsApplicationTest {

    static final String SECRET_ID = "AKIDspringBootExampleTest000000000";
    static final String SECRET_KEY = "springBootExampleTestKey00000000";
    static final String TOPIC = "failed-jobs-properties";
    private static final List<String> FAILED = List.of("f1000000000000000000000000000000a", "f2000000000000000000000000000000b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final InJvmKafka KAFKA = InJvmKafka.start();
    private static final CiEmulator EMULATOR = startEmulator();

    @Autowired
    ApplicationContext spring;
    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        KAFKA.createTopic(TOPIC);
        registry.add("camel.component.kafka.brokers", KAFKA::bootstrapServers);
        registry.add("camel.component.tencent-ci.endpoint", EMULATOR::baseUrl);
    }

    /** Camel first, so that its Kafka producer and poller never talk to stopped servers. */
    @AfterEach
    void stopCamel() {
        camelContext.stop();
    }

    @AfterAll
    static void stop() throws Exception {
        EMULATOR.close();
        KAFKA.close();
    }

    @Test
    void eachFailedJobReachesTheTopicOnceAsJsonKeyedByJobId() throws Exception {
        assertThat(spring.getBeansOfType(CiEmulator.class)).as("credentials are set: no demo emulator").isEmpty();

        Map<String, String> received = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = KAFKA.consumerOf(TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                collect(consumer, received);
                assertThat(received).containsOnlyKeys(FAILED);
            });
            // more polls of the route: nothing new
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(collect(consumer, received)).isEmpty());
        }
        for (String jobId : FAILED) {
            JsonNode job = JSON.readTree(received.get(jobId));
            assertThat(job.path("jobId").asText()).isEqualTo(jobId);
            assertThat(job.path("state").asText()).isEqualTo("Failed");
            assertThat(job.path("code").asText()).isEqualTo("InvalidInput");
        }
        assertThat(EMULATOR.requests().all()).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
    }

    private static List<ConsumerRecord<String, String>> collect(KafkaConsumer<String, String> consumer,
                                                               Map<String, String> received) {
        List<ConsumerRecord<String, String>> records = InJvmKafka.poll(consumer);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(received).as("a second record for " + record.key()).doesNotContainKey(record.key());
            received.put(record.key(), record.value());
        }
        return records;
    }

    private static CiEmulator startEmulator() {
        CiEmulator emulator = CiEmulator.builder().port(0).credentials(SECRET_ID, SECRET_KEY).start();
        OffsetDateTime created = OffsetDateTime.of(2025, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        int minute = 0;
        for (String jobId : FAILED) {
            emulator.jobs().add(EmulatedJob.builder().jobId(jobId).name("transcode").state("Failed")
                    .code("InvalidInput").message("the input object does not exist")
                    .creationTime(created.plusMinutes(minute++)).build());
        }
        for (String state : List.of("Success", "Running", "Cancel")) {
            emulator.jobs().add(EmulatedJob.builder().jobId("e" + state.toLowerCase() + "0".repeat(32 - 1 - state.length()))
                    .name("transcode").state(state).creationTime(created.plusMinutes(minute++)).build());
        }
        return emulator;
    }
}
