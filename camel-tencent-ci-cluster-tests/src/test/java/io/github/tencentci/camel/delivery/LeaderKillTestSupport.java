package io.github.tencentci.camel.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes in separate JVMs run {@code master:jobs:tencent-ci:jobs} against one emulator, with a coordination service and
 * a shared repository that subclasses supply. The leader is killed ({@code kill -9}) while an exchange is in its slow
 * step in the middle of a page, {@link #ROUNDS} times in a row, each time with a standby that has joined; the last
 * leader finishes the history.
 * <p>
 * Asserted: only the leader polls; every (job, state) of the history is delivered; a key is delivered twice only if
 * it was in flight in a killed node (in its sink, not in the repository), so the repeats are bounded by what was in
 * flight. Measured: the time from each kill to the new leader's first request, which the emulator's request log tells
 * by each node's own secretId.
 */
abstract class LeaderKillTestSupport {

    static final Logger LOG = LoggerFactory.getLogger(LeaderKillTestSupport.class);
    static final String SECRET_KEY = "camelTestSecretKey0000000000000000";
    /** Handovers measured per test. */
    static final int ROUNDS = Integer.getInteger("cluster.rounds", 5);
    /** Each leader blocks on its 30th exchange: index 9 of the second page of 20, with 10 listed jobs behind it. */
    static final int BLOCK_AFTER = 30;
    static final int JOBS = ROUNDS * BLOCK_AFTER + 50;
    static final int STATE_CHANGES = 20;
    static final JobHistory HISTORY = new JobHistory(JOBS, STATE_CHANGES);
    private static final Duration NODE_START = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    CiEmulator emulator;
    private final List<NodeProcess> nodes = new ArrayList<>();

    /** The coordination service's name in the figures. */
    abstract String service();

    abstract ClusterServiceSpec cluster() throws Exception;

    abstract SharedRepositorySpec repository() throws Exception;

    /** Handovers slower than this fail the test: what the settings give plus a margin for a loaded 2-core machine. */
    abstract Duration handoverLimit();

    /** Called once the node's CamelContext runs; returns when the node takes part in the election. */
    void joined(NodeProcess node) throws Exception {
    }

    /** Called right after the node's JVM was killed (Kubernetes: what the kubelet reports). */
    void killed(NodeProcess node) throws Exception {
    }

    /** The emulator's secretId of node {@code index}: the request log tells the nodes apart by it. */
    static String secretId(int index) {
        return String.format("AKIDclusterNode%02d000000000000000000000", index);
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    record Round(String killed, String inFlightKey, int pageIndex, int pageSize, Set<String> inFlight, Duration handover) {
    }

    @Test
    void theLeaderIsKilledMidBatchAgainAndAgainAndNothingIsLostOrRepeatedBeyondWhatWasInFlight() throws Exception {
        CiEmulator.Builder builder = CiEmulator.builder().port(0);
        for (int i = 0; i <= ROUNDS; i++) {
            builder.credentials(secretId(i), SECRET_KEY);
        }
        emulator = builder.start();
        HISTORY.addRunning(emulator);
        SharedRepositorySpec repository = repository();
        ClusterServiceSpec cluster = cluster();

        NodeProcess first = startNode(0, cluster, repository);
        await().atMost(NODE_START).until(() -> !requestsBy(0).isEmpty() || !first.isAlive());
        NodeProcess leader = first;
        NodeProcess standby = startNode(1, cluster, repository);
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String blocked = leader.awaitLine("BLOCKED", NODE_START);
            assertThat(requestsBy(round)).as("the standby %s does not poll while %s leads", standby, leader).isEmpty();

            Instant killedAt = leader.kill();
            killed(leader);
            Set<String> inFlight = new HashSet<>(sink(leader));
            inFlight.removeAll(repository.storedKeys());
            int next = round;
            await().atMost(handoverLimit().plusSeconds(10)).until(() -> !requestsBy(next).isEmpty());
            Duration handover = Duration.between(killedAt, requestsBy(next).get(0).time());
            String[] signal = blocked.split(" ");
            String[] position = signal[2].split("/");
            rounds.add(new Round(leader.name(), signal[1], Integer.parseInt(position[0]), Integer.parseInt(position[1]),
                    inFlight, handover));
            LOG.info("{} handover {}: {} killed with {} in the slow step ({} of a page of {}), in flight {}; {} polled {} ms"
                     + " after the kill", service(), round, leader, signal[1], position[0], position[1], inFlight, standby,
                    handover.toMillis());

            leader = standby;
            if (round < ROUNDS) {
                standby = startNode(round + 1, cluster, repository);
            }
        }
        HISTORY.failNewest(emulator);
        awaitAllDeliveredAndQuiet();

        List<String> deliveries = new ArrayList<>();
        nodes.forEach(node -> deliveries.addAll(sink(node)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        deliveries.forEach(key -> counts.merge(key, 1, Integer::sum));
        Set<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> inFlight = new HashSet<>();
        rounds.forEach(r -> inFlight.addAll(r.inFlight()));
        List<Long> handovers = rounds.stream().map(r -> r.handover().toMillis()).sorted().toList();
        report(rounds, deliveries.size(), counts.size(), repeated, inFlight, handovers);

        for (Round round : rounds) {
            // a synchronous route: the exchange in the slow step is the one in flight, and it is the only one
            assertThat(round.inFlight()).as("in flight in %s", round.killed()).containsExactly(round.inFlightKey());
            assertThat(round.handover()).as("handover after %s was killed", round.killed()).isLessThan(handoverLimit());
        }
        assertThat(counts.keySet()).as("every (job, state) delivered").containsExactlyInAnyOrderElementsOf(HISTORY.expectedKeys());
        assertThat(inFlight).as("repeated only what was in flight").containsAll(repeated);
        assertThat(deliveries.size() - counts.size()).as("repeats, at most one per key in flight")
                .isEqualTo(repeated.size()).isLessThanOrEqualTo(inFlight.size());
        assertThat(repository.storedKeys()).containsExactlyInAnyOrderElementsOf(HISTORY.expectedKeys());
    }

    private NodeProcess startNode(int index, ClusterServiceSpec cluster, SharedRepositorySpec repository) throws Exception {
        String name = "node-" + index;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("name", name);
        settings.put("emulator", emulator.baseUrl());
        settings.put("secretId", secretId(index));
        settings.put("secretKey", SECRET_KEY);
        settings.put("cluster", cluster.format());
        settings.put("repository", repository.format());
        settings.put("sink", dir.resolve(name + ".txt").toString());
        settings.put("blockAfter", Integer.toString(index < ROUNDS ? BLOCK_AFTER : 0));
        NodeProcess node = NodeProcess.start(name, settings, logs());
        nodes.add(node);
        node.awaitLine("STARTED", NODE_START);
        joined(node);
        return node;
    }

    /** The nodes' logs stay in target/ for a look after a failure. */
    Path logs() throws Exception {
        return Files.createDirectories(Path.of("target", "node-logs", getClass().getSimpleName()));
    }

    List<String> sink(NodeProcess node) {
        try {
            Path file = dir.resolve(node.name() + ".txt");
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<RecordedRequest> requestsBy(int index) {
        String credential = "q-ak=" + secretId(index);
        return emulator.requests().all().stream()
                .filter(r -> r.headers().getOrDefault("authorization", "").contains(credential))
                .toList();
    }

    /** Waits until every expected key reached a sink, then for two more complete walks that must add nothing. */
    private void awaitAllDeliveredAndQuiet() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> delivered = new HashSet<>();
            nodes.forEach(node -> delivered.addAll(sink(node)));
            assertThat(delivered).as("delivered").containsAll(HISTORY.expectedKeys());
        });
        int requests = emulator.requests().count();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> emulator.requests().count() >= requests + 2 * (JOBS / ClusterNode.PAGE_SIZE + 1) + 1);
    }

    private void report(List<Round> rounds, int deliveries, int keys, Set<String> repeated, Set<String> inFlight,
            List<Long> handovers) throws Exception {
        long median = handovers.size() % 2 == 1 ? handovers.get(handovers.size() / 2)
                : (handovers.get(handovers.size() / 2 - 1) + handovers.get(handovers.size() / 2)) / 2;
        String line = String.format("%s | %s | %s | %d | %d ms | %d ms | %s | %d | %d | %d of %d | %s%n", LocalDate.now(),
                service(), getClass().getSimpleName(), rounds.size(), median, handovers.get(handovers.size() - 1),
                handovers, inFlight.size(), deliveries - keys, repeated.size(), keys,
                rounds.stream().map(r -> (r.pageSize() - r.pageIndex() - 1) + "").collect(Collectors.joining(",")));
        LOG.info("{} handover figures: kills {}, median {} ms, worst {} ms, all {}; in flight at the kills {}; repeated"
                 + " deliveries {} (keys {}); deliveries {} of {} keys", service(), rounds.size(), median,
                handovers.get(handovers.size() - 1), handovers, inFlight.size(), deliveries - keys, repeated, deliveries, keys);
        Path figuresFile = Path.of("target", "cluster-figures.md");
        Files.createDirectories(figuresFile.getParent());
        Files.writeString(figuresFile, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
