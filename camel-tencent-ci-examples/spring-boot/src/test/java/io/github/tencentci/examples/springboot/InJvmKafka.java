package io.github.tencentci.examples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

/** A real Kafka broker (KRaft, one combined broker and controller) in the test JVM, on free ports. */
final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit kafka;

    private InJvmKafka(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    static InJvmKafka start() {
        try {
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build()).build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return new InJvmKafka(kafka);
        } catch (Exception e) {
            throw new IllegalStateException("in-JVM Kafka did not start", e);
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** A consumer of the topic's only partition from its start; assigned, so no group coordinator to wait for. */
    KafkaConsumer<String, String> consumerOf(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.assign(List.of(new TopicPartition(topic, 0)));
        return consumer;
    }

    static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
