package io.github.tencentci.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (RunningCamel camel = RunningCamel.start(properties, new FailedJobsToKafkaRoute());
             KafkaConsumer<String, String> consumer = consumerOf(topic)) {
            TestJobs.finish(ci.emulator());
            await().atMost(Duration.ofSeconds(30)).until(() -> readTo(consumer, records) >= TestJobs.FAILED.size());

            // ten more polls of the route (each one's exchanges are acknowledged by Kafka before the next poll
            // starts), then everything the topic holds: still nothing but the failed jobs, each once
            int requests = ci.emulator().requests().count();
            await().atMost(Duration.ofSeconds(10)).until(() -> ci.emulator().requests().count() >= requests + 10);
            camel.close();
            readToEnd(consumer, topic, records);
        }
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(TestJobs.FAILED);
        for (ConsumerRecord<String, String> record : records) {
            FailedJobFiles.assertFailedJobJson(record.key(), JSON.readTree(record.value()));
        }
    }

    /** Adds what one poll of the consumer returns to {@code records}; returns how many there are now. */
    private static int readTo(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> records) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size();
    }

    /** Adds every record up to the partition's end offset as it is now. */
    private static void readToEnd(KafkaConsumer<String, String> consumer, String topic,
            List<ConsumerRecord<String, String>> records) {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            readTo(consumer, records);
            return consumer.position(partition) >= end;
        });
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
