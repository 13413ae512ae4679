package io.github.tencentci.camel.delivery;

import java.util.List;
import java.util.Map;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** A real Kafka broker (KRaft, one combined broker and controller) in the test JVM; node JVMs reach it over TCP. */
final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit kit;

    private InJvmKafka(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    static InJvmKafka start() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        return new InJvmKafka(kit);
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** A compacted topic of one partition: what a KafkaIdempotentRepository should be given, so no key ages out. */
    void createCompactedTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        }
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
