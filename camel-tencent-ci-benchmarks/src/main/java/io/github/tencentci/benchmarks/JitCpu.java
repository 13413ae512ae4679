package io.github.tencentci.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's JIT compiler threads so far, from Linux's per-thread {@code /proc/self/task/<tid>/schedstat}
 * (the JVM hides these threads from {@code ThreadMXBean}).
 * <p>
 * Why the harness reports it apart: the contenders run by turns in one JVM and share code (HttpClient, the StAX
 * parsers behind one interface), so a turn can deoptimize what another compiled. In one probe before each round
 * started with a full GC, C2 took 0.09 to 0.28 s in measured rounds of 0.5 to 0.8 s of client CPU after 6 warm-up
 * rounds; in the runs since, 0.00 to 0.04 s. Reported apart, that cost cannot silently land on one contender.
 */
final class JitCpu {

    private static final Path TASKS = Path.of("/proc/self/task");

    private JitCpu() {
    }

    /** Whether this platform lets the compiler threads be measured; if not, {@link #nanos()} is always 0. */
    static boolean isMeasured() {
        return Files.isDirectory(TASKS);
    }

    /** @return CPU nanoseconds the live compiler threads have run, or 0 where that cannot be read */
    static long nanos() {
        if (!isMeasured()) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        // schedstat: time on the CPU (ns), time waiting to run (ns), timeslices
                        total += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading: compiler threads come and go
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
