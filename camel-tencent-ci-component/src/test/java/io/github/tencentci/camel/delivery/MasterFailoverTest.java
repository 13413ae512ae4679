package io.github.tencentci.camel.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.tencentci.camel.RequestTaker;
import io.github.tencentci.camel.TestFixtures;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.SynchronizationAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (CamelContexts) run {@code master:jobs:tencent-ci:jobs} with the file-lock cluster service and one
 * PostgreSQL repository: one polls at a time, and when the leader stops the other takes over without losing or
 * repeating a job state.
 */
class MasterFailoverTest {

    private static final Logger LOG = LoggerFactory.getLogger(MasterFailoverTest.class);
    private static final String NODE_A = "AKIDnodeA000000000000000000000000000";
    private static final String NODE_B = "AKIDnodeB000000000000000000000000000";
    private static final String SECRET_KEY = TestFixtures.SECRET_KEY;
    private static final int JOBS = 300;
    private static final int STATE_CHANGES = 20;
    private static final JobHistory HISTORY = new JobHistory(JOBS, STATE_CHANGES);
    private static final int PAGE_SIZE = 20;
    private static final Duration HANDOVER_LIMIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final TestFixtures.Postgres POSTGRES = new TestFixtures.Postgres();

    @TempDir
    Path dir;
    private CiEmulator emulator;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Delivery> completed = new CopyOnWriteArrayList<>();
    private final List<Delivery> failed = new CopyOnWriteArrayList<>();
    private CamelContext nodeA;
    private CamelContext nodeB;

    record Delivery(String node, String key) {
    }

    @AfterEach
    void stopNodes() {
        for (CamelContext node : new CamelContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theFollowerTakesOverWhenTheLeaderStopsAndNoJobStateIsLostOrRepeated() throws Exception {
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(NODE_A, SECRET_KEY).credentials(NODE_B, SECRET_KEY).start();
        HISTORY.addRunning(emulator);

        nodeA = startNode("A", NODE_A);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredBy("A") > 0);
        nodeB = startNode("B", NODE_B);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredBy("A") >= JOBS / 3);
        assertThat(requestsBy(NODE_B)).as("the follower does not poll while the leader runs").isEmpty();

        // in the middle of the history: the exchange in progress completes, the rest of its batch is released
        Instant stopCalled = Instant.now();
        nodeA.stop();
        Duration stopTook = Duration.between(stopCalled, Instant.now());
        int deliveredByLeader = deliveredBy("A");
        HISTORY.failNewest(emulator);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveredKeys().containsAll(HISTORY.expectedKeys()))
                .as(this::progress).isTrue());
        // two more complete walks, which must add nothing
        new RequestTaker(emulator).awaitFurther(2 * JOBS / PAGE_SIZE);

        List<RecordedRequest> byA = requestsBy(NODE_A);
        List<RecordedRequest> byB = requestsBy(NODE_B);
        Instant lastOfA = byA.get(byA.size() - 1).time();
        Instant firstOfB = byB.get(0).time();
        Duration handover = Duration.between(stopCalled, firstOfB);
        Map<String, Integer> counts = new HashMap<>();
        deliveries.forEach(d -> counts.merge(d.key(), 1, Integer::sum));
        long duplicates = counts.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        LOG.info("Failover: leader A delivered {} before it stopped (stop took {} ms); B polled first {} ms after stop was"
                 + " called; {} deliveries of {} keys, {} duplicates; failed exchanges {}", deliveredByLeader,
                stopTook.toMillis(), handover.toMillis(), deliveries.size(), counts.size(), duplicates, failed);

        assertThat(lastOfA).as("one node polls at a time").isBeforeOrEqualTo(firstOfB);
        assertThat(handover).isLessThan(HANDOVER_LIMIT);
        assertThat(deliveredKeys()).containsExactlyInAnyOrderElementsOf(HISTORY.expectedKeys());
        // every (job, state) completed exactly once, on one node or the other
        assertThat(completed.stream().map(Delivery::key).toList()).as("completed exchanges")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(HISTORY.expectedKeys());
        assertThat(deliveries.stream().filter(d -> d.node().equals("B")).map(Delivery::key))
                .as("what the leader completed is not emitted again by the follower")
                .doesNotContainAnyElementsOf(completed.stream().filter(d -> d.node().equals("A")).map(Delivery::key).toList());
        // camel-master stops the leader's consumer when it gives up leadership, and that interrupts the polling
        // thread: an exchange in progress in an interruptible sink (here the sleep) fails, its key is released, and
        // the follower emits it again. That one exchange is the only repeat; the rest of its batch is released
        // unprocessed.
        assertThat(failed).as("failed exchanges: at most the one in progress on the leader when it stopped")
                .hasSizeLessThanOrEqualTo(1).allSatisfy(d -> assertThat(d.node()).isEqualTo("A"));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("keys emitted twice").containsExactlyInAnyOrderElementsOf(failed.stream().map(Delivery::key).toList());
        assertThat(duplicates).isEqualTo(failed.size());
    }

    private CamelContext startNode(String name, String secretId) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("node-" + name);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(50, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(
                dataSource(), "tencent-ci-failover");
        context.getRegistry().bind("repo", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:jobs:tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&secretId=" + secretId
                     + "&secretKey=RAW(" + SECRET_KEY + ")&size=" + PAGE_SIZE
                     + "&initialDelay=0&delay=50&idempotentRepository=#repo")
                        .routeId("jobs-" + name)
                        .process(exchange -> {
                            Delivery delivery = new Delivery(name, exchange.getProperty(DeliveryKeys.KEY_PROPERTY, String.class));
                            deliveries.add(delivery);
                            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                                @Override
                                public void onComplete(Exchange done) {
                                    completed.add(delivery);
                                }

                                @Override
                                public void onFailure(Exchange done) {
                                    failed.add(delivery);
                                }
                            });
                            Thread.sleep(5); // stands in for the sink's latency, so the leader is stopped mid-history
                        });
            }
        });
        context.start();
        return context;
    }

    private javax.sql.DataSource dataSource() {
        // one kept connection per node: a new connection for every contains() would make each walk slow
        return new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                POSTGRES.jdbcUrl(), true);
    }

    private String progress() {
        return "delivered by A " + deliveredBy("A") + ", by B " + deliveredBy("B") + "; requests by A "
               + requestsBy(NODE_A).size() + ", by B " + requestsBy(NODE_B).size();
    }

    private int deliveredBy(String node) {
        return (int) deliveries.stream().filter(d -> d.node().equals(node)).count();
    }

    private Set<String> deliveredKeys() {
        Set<String> keys = new LinkedHashSet<>();
        deliveries.forEach(d -> keys.add(d.key()));
        return keys;
    }

    private List<RecordedRequest> requestsBy(String secretId) {
        return emulator.requests().all().stream()
                .filter(r -> r.headers().getOrDefault("authorization", "").contains("q-ak=" + secretId))
                .toList();
    }

}
