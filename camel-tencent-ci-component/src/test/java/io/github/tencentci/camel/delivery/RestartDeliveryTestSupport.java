package io.github.tencentci.camel.delivery;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.tencentci.camel.RequestTaker;
import io.github.tencentci.emulator.CiEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that is stopped, or killed, in the middle of a batch and then started again must emit nothing twice that it
 * had completed, and lose nothing. Subclasses supply the persistent repository.
 */
abstract class RestartDeliveryTestSupport {

    private static final int JOBS = 60;
    /** In the second page of 20: the node halts with part of a batch done and part not. */
    private static final int HALT_AFTER = 25;
    private static final int STATE_CHANGES = 10;
    private static final JobHistory HISTORY = new JobHistory(JOBS, STATE_CHANGES);

    @TempDir
    Path dir;
    CiEmulator emulator;
    private Process child;
    private final List<String> childOutput = new CopyOnWriteArrayList<>();

    /** A fresh, empty repository for one test. */
    abstract RepositorySpec repository(String testName) throws Exception;

    @BeforeEach
    void startEmulator() {
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(DeliveryNode.SECRET_ID, DeliveryNode.SECRET_KEY).start();
        HISTORY.addRunning(emulator);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        emulator.close();
    }

    @Test
    void stoppedInTheMiddleOfABatchThenStartedAgain() throws Exception {
        RepositorySpec repository = repository("stopped");
        Path run1 = dir.resolve("run1.txt");
        Path run2 = dir.resolve("run2.txt");

        try (DeliveryNode node = new DeliveryNode(emulator.baseUrl(), repository, run1, HALT_AFTER,
                RestartDeliveryTestSupport::stopFromInsideTheRoute)) {
            node.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> node.context().isStopped());
        }
        List<String> first = lines(run1);
        Set<String> completedBeforeRestart = repository.storedKeys();
        HISTORY.failNewest(emulator);

        try (DeliveryNode node = new DeliveryNode(emulator.baseUrl(), repository, run2, 0, ctx -> { }).start()) {
            awaitAllDeliveredAndQuiet(run1, run2);
        }
        List<String> second = lines(run2);

        // the stop runs on its own thread, so more exchanges may complete before it reaches the consumer (how many
        // depends on the machine: the rest of this page, or of the next); it lets the exchange in progress complete
        // and releases the rest of its batch, so the node halts before the end of the history
        assertThat(first).hasSizeBetween(HALT_AFTER, JOBS - 1).doesNotHaveDuplicates();
        assertThat(completedBeforeRestart).containsExactlyInAnyOrderElementsOf(first);
        assertThat(second).doesNotHaveDuplicates().doesNotContainAnyElementsOf(first);
        assertThat(union(first, second)).containsExactlyInAnyOrderElementsOf(HISTORY.expectedKeys());
    }

    /**
     * Stops the node as a user's Ctrl+C would, from another thread, and holds this exchange until the consumer has
     * been told to stop taking the rest of its batch: without that, a slow stop thread let the node finish the whole
     * history first on a busy machine, and the test proved nothing about a stop mid-batch.
     */
    private static void stopFromInsideTheRoute(org.apache.camel.CamelContext ctx) {
        new Thread(ctx::stop, "stop-node").start();
        org.apache.camel.support.ScheduledBatchPollingConsumer consumer
                = (org.apache.camel.support.ScheduledBatchPollingConsumer) ctx.getRoute("jobs").getConsumer();
        await().atMost(Duration.ofSeconds(8)).until(() -> !consumer.isBatchAllowed());
    }

    @Test
    void killedInTheMiddleOfABatchThenStartedAgain() throws Exception {
        RepositorySpec repository = repository("killed");
        Path run1 = dir.resolve("run1.txt");
        Path run2 = dir.resolve("run2.txt");

        startChild(repository, run1, HALT_AFTER);
        awaitChildSays("BLOCKED");
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9 while exchange 25 is in the route
        List<String> first = lines(run1);
        Set<String> completedBeforeRestart = repository.storedKeys();
        String inFlight = first.get(first.size() - 1);
        HISTORY.failNewest(emulator);

        startChild(repository, run2, 0);
        awaitAllDeliveredAndQuiet(run1, run2);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        List<String> second = lines(run2);

        assertThat(first).hasSize(HALT_AFTER).doesNotHaveDuplicates();
        // recorded only on completion: the exchange that was in the route when the JVM died is not
        assertThat(completedBeforeRestart).hasSize(HALT_AFTER - 1).doesNotContain(inFlight)
                .containsExactlyInAnyOrderElementsOf(first.subList(0, HALT_AFTER - 1));
        // nothing completed comes again; the one in flight does (at least once), and that is the only repeat
        assertThat(second).doesNotHaveDuplicates().doesNotContainAnyElementsOf(completedBeforeRestart).contains(inFlight);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).hasSize(HISTORY.expectedKeys().size() + 1);
        assertThat(union(first, second)).containsExactlyInAnyOrderElementsOf(HISTORY.expectedKeys());
    }



    /** Waits until every expected key reached a sink, then for two more complete walks that must add nothing. */
    private void awaitAllDeliveredAndQuiet(Path run1, Path run2) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(union(lines(run1), lines(run2))).as("delivered").containsAll(HISTORY.expectedKeys()));
        new RequestTaker(emulator).awaitFurther(2 * (JOBS / DeliveryNode.PAGE_SIZE) + 1);
    }

    private void startChild(RepositorySpec repository, Path sink, int blockAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve("child-" + sink.getFileName() + ".log").toFile();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DeliveryNode.class.getName(),
                emulator.baseUrl(), repository.format(), sink.toString(), Integer.toString(blockAfter))
                .redirectError(log)
                .start();
        childOutput.clear();
        Process started = child;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(childOutput::add);
            } catch (Exception e) {
                // the child was killed: its output ends here
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitChildSays(String word) {
        await().atMost(Duration.ofSeconds(60)).until(() -> childOutput.contains(word));
    }

    static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
