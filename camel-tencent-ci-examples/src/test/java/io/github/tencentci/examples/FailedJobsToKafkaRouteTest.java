package io.github.tencentci.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@link FailedJobsToKafkaRoute} against a real Kafka broker (KRaft, one combined broker and controller, in this
 * JVM) and reads the topic back with a plain {@link KafkaConsumer}.
 */
class FailedJobsToKafkaRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaClusterTestKit kafka;

    @RegisterExtension
    final TestJobsEmulator ci = new TestJobsEmulator();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void failedJobsReachTheTopicAsJsonKeyedByJobId() throws Exception {
        String topic = "failed-jobs-" + UUID.randomUUID();
        createTopic(topic);
        Properties properties = TestJobs.connectionTo(ci.emulator());
        properties.setProperty("kafka.brokers", kafka.bootstrapServers());
        properties.setProperty("kafka.topic", topic);

        Map<String, String> received = new TreeMap<>();
        try (RunningCamel camel = RunningCamel.start(properties, new FailedJobsToKafkaRoute());
             KafkaConsumer<String, String> consumer = consumerOf(topic)) {
            TestJobs.finish(ci.emulator());

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        poll(consumer, received);
                        assertThat(received).containsOnlyKeys(TestJobs.FAILED);
                    });
            // a few more polls of the route: still nothing but the failed jobs, each once
            await().during(Duration.ofMillis(10 * Long.parseLong(TestJobs.POLL_DELAY_MS)))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(poll(consumer, received)).isEmpty());
        }
        for (Map.Entry<String, String> record : received.entrySet()) {
            FailedJobFiles.assertFailedJobJson(record.getKey(), JSON.readTree(record.getValue()));
        }
    }

    /** Adds the records the consumer gets in one poll to {@code received}, failing on a repeated key. */
    private static List<ConsumerRecord<String, String>> poll(
            KafkaConsumer<String, String> consumer, Map<String, String> received) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(received).as("a second record for JobId " + record.key()).doesNotContainKey(record.key());
            received.put(record.key(), record.value());
        }
        return records;
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /**
     * A consumer of the topic's only partition from its start. Assigned, not subscribed: no consumer group, so no
     * wait for a group coordinator and a rebalance.
     */
    private static KafkaConsumer<String, String> consumerOf(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.assign(List.of(new TopicPartition(topic, 0)));
        return consumer;
    }
}
