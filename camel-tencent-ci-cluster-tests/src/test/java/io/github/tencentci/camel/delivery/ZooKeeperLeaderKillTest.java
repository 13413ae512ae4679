package io.github.tencentci.camel.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.awaitility.Awaitility.await;

/**
 * Leadership from ZooKeeper (camel-zookeeper's {@code ZooKeeperClusterService}, a Curator {@code LeaderSelector}) on a
 * real ZooKeeper server in the test JVM, once-only state in camel-kafka's {@code KafkaIdempotentRepository} on a real
 * Kafka broker in the test JVM. The nodes run the documented recipe, {@link HaltWhenCutOffFromZooKeeper} included.
 */
class ZooKeeperLeaderKillTest extends LeaderKillTestSupport {

    /** A killed leader's session, and with it its election node, ends this long after its last heartbeat. */
    static final int SESSION_TIMEOUT_MILLIS = 2000;

    private static TestingServer zooKeeper;
    private static CuratorFramework observer;
    private static InJvmKafka kafka;

    @BeforeAll
    static void startServers() throws Exception {
        zooKeeper = startZooKeeper();
        observer = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryOneTime(100));
        observer.start();
        kafka = InJvmKafka.start();
    }

    /** Tick 100 ms: the server accepts session timeouts from 200 ms to 2 s and checks expiry every 100 ms. */
    static TestingServer startZooKeeper() throws Exception {
        return new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 100, -1), true);
    }

    @AfterAll
    static void stopServers() throws Exception {
        observer.close();
        zooKeeper.close();
        kafka.close();
    }

    @Override
    String service() {
        return "ZooKeeper";
    }

    @Override
    ClusterServiceSpec cluster() {
        return ClusterServiceSpec.zooKeeper(zooKeeper.getConnectString(), SESSION_TIMEOUT_MILLIS, true);
    }

    @Override
    SharedRepositorySpec repository() throws Exception {
        String topic = "ci-delivered-" + UUID.randomUUID();
        kafka.createCompactedTopic(topic);
        return SharedRepositorySpec.kafka(kafka.bootstrapServers(), topic);
    }

    @Override
    Duration handoverLimit() {
        return Duration.ofMillis(SESSION_TIMEOUT_MILLIS).plusSeconds(6);
    }

    /** A member has joined when its election node is there (the node's data is its participant id). */
    @Override
    void joined(NodeProcess node) {
        await().atMost(Duration.ofSeconds(30)).until(() -> participants(observer).contains(node.name()));
    }

    static List<String> participants(CuratorFramework client) throws Exception {
        String path = ClusterServiceSpec.ZOOKEEPER_BASE_PATH + "/jobs";
        if (client.checkExists().forPath(path) == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String child : client.getChildren().forPath(path)) {
            ids.add(new String(client.getData().forPath(path + "/" + child), StandardCharsets.UTF_8));
        }
        return ids;
    }
}
