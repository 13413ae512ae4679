package io.github.tencentci.camel.delivery;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leader is cut off from ZooKeeper while it keeps running and polling (its link to ZooKeeper drops every packet):
 * ZooKeeper expires its session, the standby becomes leader. The old leader must have stopped polling by the time the
 * new one starts; the emulator's request log, which tells the nodes apart by their secretIds, shows whether the two
 * ever polled at the same time. With Camel 4.18 that takes {@link HaltWhenCutOffFromZooKeeper}; without it, both poll.
 */
class ZooKeeperPartitionTest {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperPartitionTest.class);
    private static final String SECRET_KEY = LeaderKillTestSupport.SECRET_KEY;
    private static final JobHistory HISTORY = new JobHistory(100, 0);

    @TempDir
    Path dir;
    private TestingServer zooKeeper;
    private CuratorFramework observer;
    private EmbeddedPostgres postgres;
    private CiEmulator emulator;
    private PartitionableProxy proxy;
    private final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeEach
    void startServers() throws Exception {
        zooKeeper = ZooKeeperLeaderKillTest.startZooKeeper();
        observer = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryOneTime(100));
        observer.start();
        postgres = EmbeddedPostgres.start();
        emulator = CiEmulator.builder().port(0).credentials(LeaderKillTestSupport.secretId(0), SECRET_KEY)
                .credentials(LeaderKillTestSupport.secretId(1), SECRET_KEY).start();
        HISTORY.addRunning(emulator);
        proxy = new PartitionableProxy(new InetSocketAddress("127.0.0.1", zooKeeper.getPort()));
    }

    @AfterEach
    void stopServers() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
        proxy.close();
        emulator.close();
        postgres.close();
        observer.close();
        zooKeeper.close();
    }

    record Outcome(Duration oldLeaderLastPoll, Duration newLeaderFirstPoll, long overlapping, NodeProcess oldLeader) {
    }

    @Test
    void withHaltWhenCutOffTheOldLeaderStopsPollingBeforeTheNewLeaderStarts() throws Exception {
        Outcome outcome = partitionTheLeader(true);

        assertThat(outcome.overlapping()).as("requests of the old leader while the new one polls").isZero();
        assertThat(outcome.oldLeaderLastPoll()).isLessThanOrEqualTo(outcome.newLeaderFirstPoll());
        assertThat(outcome.oldLeader().line("HALT")).as("the old leader halted itself").contains("HALT SUSPENDED");
    }

    /**
     * Camel 4.18 as it comes: the partitioned leader never learns that it lost leadership, and polls on next to the
     * new leader. (If this starts failing, Camel fixed it, and {@link HaltWhenCutOffFromZooKeeper} can go.)
     */
    @Test
    void withoutItCamelsZooKeeperViewLeavesTheOldLeaderPollingNextToTheNewOne() throws Exception {
        Outcome outcome = partitionTheLeader(false);

        assertThat(outcome.oldLeader().isAlive()).isTrue();
        assertThat(outcome.overlapping()).as("requests of the old leader while the new one polls").isPositive();
    }

    private Outcome partitionTheLeader(boolean haltWhenCutOff) throws Exception {
        NodeProcess leader = startNode(0, proxy.address(), haltWhenCutOff);
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsBy(0).size() >= 5);
        startNode(1, zooKeeper.getConnectString(), haltWhenCutOff);
        await().atMost(Duration.ofSeconds(30)).until(() -> ZooKeeperLeaderKillTest.participants(observer).size() == 2);
        assertThat(requestsBy(1)).as("the standby does not poll while the leader leads").isEmpty();

        Instant cut = Instant.now();
        proxy.partition();
        await().atMost(Duration.ofSeconds(30)).until(() -> !requestsBy(1).isEmpty());
        Instant newLeaderStarted = requestsBy(1).get(0).time();
        // let the new leader walk the listing a few times: long enough for a still-polling old leader to show
        int walks = 3 * (HISTORY.jobs() / ClusterNode.PAGE_SIZE);
        await().atMost(Duration.ofSeconds(30)).until(() -> requestsBy(1).size() >= walks);

        List<RecordedRequest> byOld = requestsBy(0);
        Instant oldLeaderStopped = byOld.get(byOld.size() - 1).time();
        long overlapping = byOld.stream().filter(r -> !r.time().isBefore(newLeaderStarted)).count();
        Outcome outcome = new Outcome(Duration.between(cut, oldLeaderStopped), Duration.between(cut, newLeaderStarted),
                overlapping, leader);
        LOG.info("Partition (haltWhenCutOff {}): the old leader sent its last request {} ms after the cut, the new"
                 + " leader its first {} ms after the cut; requests of the old leader at or after the new leader's first: {};"
                 + " old leader alive: {}", haltWhenCutOff, outcome.oldLeaderLastPoll().toMillis(),
                outcome.newLeaderFirstPoll().toMillis(), overlapping, leader.isAlive());
        return outcome;
    }

    private NodeProcess startNode(int index, String zooKeeperAddress, boolean haltWhenCutOff) throws Exception {
        String name = "node-" + index;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("name", name);
        settings.put("emulator", emulator.baseUrl());
        settings.put("secretId", LeaderKillTestSupport.secretId(index));
        settings.put("secretKey", SECRET_KEY);
        settings.put("cluster", ClusterServiceSpec.zooKeeper(zooKeeperAddress,
                ZooKeeperLeaderKillTest.SESSION_TIMEOUT_MILLIS, haltWhenCutOff).format());
        settings.put("repository", SharedRepositorySpec.of(
                RepositorySpec.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "tencent-ci-partition")).format());
        settings.put("sink", dir.resolve(name + ".txt").toString());
        settings.put("blockAfter", "0");
        NodeProcess node = NodeProcess.start(name, settings,
                Files.createDirectories(Path.of("target", "node-logs", getClass().getSimpleName())));
        nodes.add(node);
        node.awaitLine("STARTED", Duration.ofSeconds(60));
        return node;
    }

    private List<RecordedRequest> requestsBy(int index) {
        String credential = "q-ak=" + LeaderKillTestSupport.secretId(index);
        return emulator.requests().all().stream()
                .filter(r -> r.headers().getOrDefault("authorization", "").contains(credential))
                .toList();
    }
}
