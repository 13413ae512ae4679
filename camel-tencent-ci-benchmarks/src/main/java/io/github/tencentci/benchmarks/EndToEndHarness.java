package io.github.tencentci.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.CommandLineArguments;

/**
 * Reads the same listing with every contender, in one JVM and one run, and prints times, throughputs and the
 * ratios the performance targets are stated in. The contenders take turns: every contender's warm-up rounds first,
 * then round 1 of each, round 2 of each, ..., so that the machine's changing load falls on all of them alike.
 * <pre>
 * java -cp 'camel-tencent-ci-benchmarks/target/benchmarks.jar:camel-tencent-ci-benchmarks/target/lib/*' \
 *      io.github.tencentci.benchmarks.EndToEndHarness [--jobs 100000] [--rounds 3] [--warmup 1]
 *      [--contenders raw,raw-woodstox,floor,component,route,sdk] [--idle-polls 200] [--lifecycle 0] [--server prerendered|emulator]
 *      [--emulator http://127.0.0.1:8080 --secret-id ID --secret-key KEY]
 * </pre>
 * Without {@code --emulator} an in-process server serves {@code --jobs} seeded jobs (fixed seed): by default
 * {@link PreRenderedListing}, whose answers cost next to nothing so that the client's cost shows, or with
 * {@code --server emulator} the emulator, which renders and verifies each request. With {@code --emulator} an external
 * server (an emulator or a {@link PreRenderedListing} in its own JVM) must serve exactly {@code --jobs} jobs.
 */
public final class EndToEndHarness {

    static final String SECRET_ID = "AKIDbenchmark00000000000000000000000";
    static final String SECRET_KEY = "benchmarkSecretKey000000000000000";
    /** Jobs seeded (at most) into the emulator of the idle-poll measurement when the listing is pre-rendered. */
    static final int IDLE_POLL_JOBS = 10_000;

    private final HarnessOptions options;
    private final PrintStream out;

    EndToEndHarness(HarnessOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        new EndToEndHarness(options, System.out).run();
    }

    /** @return the measured results, by contender key */
    Map<String, Measurement> run() throws Exception {
        out.printf("End-to-end harness, %s: %d jobs, %d per page, %d warm-up + %d measured rounds (interleaved),"
                + " %d CPUs, -Xmx%dm%n", LocalDateTime.now().withNano(0), options.jobs, options.pageSize,
                options.warmup, options.rounds, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        CiEmulator emulator = null;
        PreRenderedListing prerendered = null;
        ListingService service;
        String where;
        if (options.emulatorUrl != null) {
            service = new ListingService(options.emulatorUrl, options.secretId, options.secretKey, options.jobs,
                    options.pageSize);
            where = " (external server)";
        } else if (options.server.equals("emulator")) {
            emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start();
            emulator.jobs().seed(options.jobs, 42L);
            service = new ListingService(emulator.baseUrl(), SECRET_ID, SECRET_KEY, options.jobs, options.pageSize);
            where = " (in-process emulator, renders and verifies per request)";
        } else {
            prerendered = PreRenderedListing.start(options.jobs, options.pageSize, 0);
            service = new ListingService(prerendered.baseUrl(), SECRET_ID, SECRET_KEY, options.jobs, options.pageSize);
            where = " (in-process, pre-rendered pages)";
        }
        out.println("Listing: " + service + where);
        Map<String, Measurement> results = new LinkedHashMap<>();
        try {
            Map<String, List<long[]>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < options.warmup + options.rounds; round++) {
                for (String key : options.contenders) {
                    long[] measured = round(key, service, emulator, round >= options.warmup);
                    if (round >= options.warmup) {
                        rounds.computeIfAbsent(key, k -> new ArrayList<>()).add(measured);
                    }
                }
            }
            rounds.forEach((key, list) -> results.put(key, Measurement.of(HarnessOptions.label(key), list)));
            printTable(results);
            printPairedRatios(rounds);
            if (options.idlePolls > 0 && options.emulatorUrl == null) {
                CiEmulator idle = emulator;
                if (idle == null) {
                    idle = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start();
                    idle.jobs().seed(Math.min(IDLE_POLL_JOBS, options.jobs), 42L);
                }
                try {
                    ListingService idleService = new ListingService(idle.baseUrl(), SECRET_ID, SECRET_KEY,
                            idle.jobs().size(), options.pageSize);
                    measureIdlePoll(idle, idleService, options.idlePolls, null, "jobId filter, one page of one job", 1);
                    // the open jobs (100 a page, at least one request), then the window
                    long open = idle.jobs().all().stream()
                            .filter(job -> List.of("Submitted", "Running", "Pause").contains(job.state())).count();
                    measureIdlePoll(idle, idleService, options.idlePolls, "lookBack=1h",
                            "lookBack=1h over the whole seeded history of " + idle.jobs().size() + " jobs, " + open
                            + " of them open", 1 + (int) Math.max(1, (open + 99) / 100));
                } finally {
                    if (idle != emulator) {
                        idle.close();
                    }
                }
            }
            if (options.lifecycle > 0) {
                RouteLifecycleCost.Result life = new RouteLifecycleCost(options.lifecycle).measure();
                out.printf("%nRoute restarts, %d measured after 20 warm-up (median (min-max)):%n", options.lifecycle);
                out.println("  tencent-ci:jobs  startRoute to first request " + RouteLifecycleCost.summary(life.componentStart())
                        + " (startRoute returns after " + RouteLifecycleCost.summary(life.componentStartCall()) + ")"
                        + ", stopRoute (idle) " + RouteLifecycleCost.summary(life.componentStop()));
                out.println("  scheduler:      startRoute to first exchange " + RouteLifecycleCost.summary(life.schedulerStart())
                        + ", stopRoute (idle) " + RouteLifecycleCost.summary(life.schedulerStop()));
            }
            if (options.repositoryFootprint) {
                out.printf(Locale.ROOT, "%nDefault idempotent repository full (100,000 keys JobId:State): %.1f MiB of heap"
                        + " (Camel's MemoryIdempotentRepository: %.1f MiB)%n", RepositoryFootprint.mebibytesOf(100_000),
                        RepositoryFootprint.camelMemoryRepositoryMebibytesOf(100_000));
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (prerendered != null) {
                prerendered.close();
            }
        }
        return results;
    }

    /** One round of one contender. @return elapsed and client CPU nanoseconds, and the jobs it read */
    private long[] round(String key, ListingService service, CiEmulator emulator, boolean measured) throws Exception {
        if (emulator != null) {
            emulator.requests().clear();
        }
        try (Contender contender = HarnessOptions.contender(key, options)) {
            contender.prepare(service);
            // every round starts with an empty young generation, so that each pays for collecting its own garbage:
            // without this a collection fell into whichever round filled the heap, often another contender's
            System.gc();
            long jit0 = JitCpu.nanos();
            long cpu0 = clientCpuNanos();
            long t0 = System.nanoTime();
            long read = contender.readAll(service);
            long elapsed = System.nanoTime() - t0;
            long cpu = clientCpuNanos() - cpu0;
            long jit = JitCpu.nanos() - jit0;
            if (read != service.jobs()) {
                throw new IllegalStateException(contender.name() + " read " + read + " jobs, expected " + service.jobs());
            }
            out.printf(Locale.ROOT, "  %-40s %s %6.2f s  %9.0f jobs/s  client CPU %6.2f s (%5.2f us/job, JIT %4.2f s)"
                    + "  heap peak %4d MiB%n", contender.name(), measured ? "run   " : "warmup", elapsed / 1e9,
                    read / (elapsed / 1e9), cpu / 1e9, cpu / 1e3 / read, jit / 1e9, heapPeakMiB());
            return new long[] { elapsed, cpu, read, cpu - jit };
        }
    }

    private void measureIdlePoll(
            CiEmulator emulator, ListingService service, int polls, String filterOptions, String what, int requests)
            throws Exception {
        IdlePollCost.Result idle = new IdlePollCost(emulator, service, polls, filterOptions).measure();
        out.printf(Locale.ROOT, "%nSteady-state poll, nothing new (%s), %d polls:"
                + " %.3f ms CPU and %.3f ms wall per poll, %.2f requests per poll%n",
                what, polls, idle.cpuMillisPerPoll(), idle.wallMillisPerPoll(), idle.requestsPerPoll());
        out.println(verdict("steady-state poll CPU <= 2 ms", idle.cpuMillisPerPoll() <= 2.0));
        out.println(verdict("steady-state poll = " + requests + " request(s)", Math.abs(idle.requestsPerPoll() - requests) < 1e-9));
    }

    private void printTable(Map<String, Measurement> results) {
        Measurement raw = results.get("raw");
        Measurement component = results.get("component");
        out.printf("%n%-40s %7s %8s %13s %9s %7s %10s %11s %7s %12s %7s%n", "contender", "best s", "median s",
                "range s", "jobs/s", "vs raw", "CPU us/job", "CPU median", "vs raw", "no-JIT us/job", "vs raw");
        for (Measurement m : results.values()) {
            out.printf(Locale.ROOT, "%-40s %7.2f %8.2f %13s %9.0f %7s %10.2f %11.2f %7s %12.2f %7s%n", m.name(),
                    m.bestNanos() / 1e9, m.medianNanos() / 1e9,
                    String.format(Locale.ROOT, "%.2f-%.2f", m.bestNanos() / 1e9, m.worstNanos() / 1e9),
                    m.jobsPerSecond(), raw == null ? "-" : ratio(m.jobsPerSecond(), raw.jobsPerSecond()),
                    m.cpuNanos() / 1e3 / m.jobs(), m.medianCpuNanos() / 1e3 / m.jobs(),
                    raw == null ? "-" : ratio(m.cpuNanos(), raw.cpuNanos()), m.workNanos() / 1e3 / m.jobs(),
                    raw == null ? "-" : ratio(m.workNanos(), raw.workNanos()));
        }
        if (component == null) {
            return;
        }
        out.println();
        check(results, "raw", "component / raw limit", 0.80);
        check(results, "raw-woodstox", "component / raw limit on Woodstox", 0.80);
        check(results, "route", "component / hand-written route", 5.0);
        check(results, "sdk", "component / official SDK", 1.0);
        checkCpu(results, "raw", "client CPU per job / raw limit", Measurement::cpuNanos, Measurement::medianCpuNanos);
        checkCpu(results, "raw-woodstox", "client CPU per job / raw, Woodstox", Measurement::cpuNanos,
                Measurement::medianCpuNanos);
        if (JitCpu.isMeasured()) {
            checkCpu(results, "raw", "... without JIT compilation", Measurement::workNanos, Measurement::medianWorkNanos);
        }
    }

    /** The component's CPU per job against a raw limit's, by the least round ({@code least}) and the median. */
    private void checkCpu(Map<String, Measurement> results, String against, String what,
                          ToLongFunction<Measurement> least, ToLongFunction<Measurement> median) {
        Measurement raw = results.get(against);
        Measurement component = results.get("component");
        if (raw != null) {
            double cpu = (double) least.applyAsLong(component) / least.applyAsLong(raw);
            out.println(verdict(String.format(Locale.ROOT, "%-32s %6.2fx (least of the rounds; medians %.2fx)"
                    + "  (target <= 1.30x)", what, cpu,
                    (double) median.applyAsLong(component) / median.applyAsLong(raw)), cpu <= 1.30));
        }
    }

    /**
     * The component against the raw limit round by round: each pair ran within seconds of each other, so its ratio
     * is disturbed far less by the machine's changing load than a ratio of bests taken minutes apart.
     */
    private void printPairedRatios(Map<String, List<long[]>> rounds) {
        printPairedRatios(rounds, "raw", "the raw limit");
        printPairedRatios(rounds, "raw-woodstox", "the raw limit on Woodstox");
    }

    private void printPairedRatios(Map<String, List<long[]>> rounds, String against, String what) {
        List<long[]> raw = rounds.get(against);
        List<long[]> component = rounds.get("component");
        if (raw == null || component == null) {
            return;
        }
        double[] wall = new double[raw.size()];
        double[] cpu = new double[raw.size()];
        double[] work = new double[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            wall[i] = (double) raw.get(i)[0] / component.get(i)[0];
            cpu[i] = (double) component.get(i)[1] / raw.get(i)[1];
            work[i] = (double) component.get(i)[3] / raw.get(i)[3];
        }
        out.println(String.format(Locale.ROOT, "Paired rounds (component against %s of the same round),"
                + " median (min-max) of %d: throughput %s, client CPU per job %s%s", what, wall.length, summary(wall),
                summary(cpu), JitCpu.isMeasured() ? ", without JIT " + summary(work) : ""));
    }

    private static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", median, sorted[0], sorted[sorted.length - 1]);
    }

    private void check(Map<String, Measurement> results, String against, String what, double target) {
        Measurement other = results.get(against);
        if (other != null) {
            Measurement component = results.get("component");
            double r = component.jobsPerSecond() / other.jobsPerSecond();
            double c = component.jobsPerCpuSecond() / other.jobsPerCpuSecond();
            out.println(verdict(String.format(Locale.ROOT, "%-32s %6.2fx wall, %6.2fx per client CPU second"
                    + "  (target >= %.2fx)", what, r, c, target), r >= target));
        }
    }

    private static String verdict(String what, boolean met) {
        return (met ? "MET    " : "MISSED ") + what;
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2fx", a / b);
    }

    /**
     * CPU time of this process minus that of the in-process server's threads: what the contender itself (and the
     * GC, mostly collecting its garbage) cost. Far less sensitive than wall time to other load on a shared machine.
     */
    private static long clientCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long process = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long emulator = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("ci-emulator-")
                    || info.getThreadName().startsWith(PreRenderedListing.THREAD_PREFIX))) {
                emulator += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return process - emulator;
    }

    private static long heapPeakMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        return peak >> 20;
    }

    /**
     * One contender's figures. Throughput is taken from the best round: on a shared machine the other load only ever
     * makes a round slower, so the best round is the least disturbed one.
     *
     * @param jobs           the jobs the contender counted in its last round (what it read, not what was asked for)
     * @param cpuNanos       the least client CPU time of the measured rounds (process CPU less the server's threads)
     * @param medianCpuNanos the median of the same
     * @param workNanos      the least client CPU time without the JIT compiler's threads ({@link JitCpu})
     * @param medianWorkNanos the median of the same
     */
    record Measurement(String name, long jobs, long medianNanos, long bestNanos, long worstNanos, long cpuNanos,
                       long medianCpuNanos, long workNanos, long medianWorkNanos) {

        /** @param rounds elapsed and client CPU nanoseconds, jobs read, and client CPU without JIT, of each round */
        static Measurement of(String name, List<long[]> rounds) {
            long jobs = rounds.get(rounds.size() - 1)[2];
            long[] wall = rounds.stream().mapToLong(r -> r[0]).sorted().toArray();
            long[] cpu = rounds.stream().mapToLong(r -> r[1]).sorted().toArray();
            long[] work = rounds.stream().mapToLong(r -> r[3]).sorted().toArray();
            return new Measurement(name, jobs, wall[wall.length / 2], wall[0], wall[wall.length - 1], cpu[0],
                    cpu[cpu.length / 2], work[0], work[work.length / 2]);
        }

        double jobsPerSecond() {
            return jobs / (bestNanos / 1e9);
        }

        double jobsPerCpuSecond() {
            return jobs / (cpuNanos / 1e9);
        }
    }

    /** The command line. */
    static final class HarnessOptions {
        static final String USAGE = "usage: EndToEndHarness [--jobs 100000] [--page-size 100] [--rounds 3] [--warmup 1]"
                + " [--contenders raw,raw-woodstox,floor,component,route,sdk] [--component-options OPTS] [--pooled-exchanges] [--idle-polls 200]"
                + " [--lifecycle 0] [--server prerendered|emulator] [--no-repository-footprint]"
                + " [--emulator URL --secret-id ID --secret-key KEY]";
        static final List<String> CONTENDERS = List.of("raw", "raw-woodstox", "floor", "component", "route", "sdk");

        int jobs = 100_000;
        int pageSize = 100;
        int rounds = 3;
        int warmup = 1;
        int idlePolls = 200;
        int lifecycle;
        String server = "prerendered";
        boolean repositoryFootprint = true;
        List<String> contenders = List.of("raw", "component", "route", "sdk");
        String componentOptions = "";
        boolean pooledExchanges;
        String emulatorUrl;
        String secretId;
        String secretKey;

        static HarnessOptions parse(String... args) {
            HarnessOptions o = new HarnessOptions();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jobs" -> o.jobs = CommandLineArguments.number(args, ++i, "--jobs", 1, 10_000_000);
                    case "--page-size" -> o.pageSize = CommandLineArguments.number(args, ++i, "--page-size", 1, 100);
                    case "--rounds" -> o.rounds = CommandLineArguments.number(args, ++i, "--rounds", 1, 100);
                    case "--warmup" -> o.warmup = CommandLineArguments.number(args, ++i, "--warmup", 0, 100);
                    case "--idle-polls" -> o.idlePolls = CommandLineArguments.number(args, ++i, "--idle-polls", 0, 1_000_000);
                    case "--no-repository-footprint" -> o.repositoryFootprint = false;
                    case "--lifecycle" -> o.lifecycle = CommandLineArguments.number(args, ++i, "--lifecycle", 0, 100_000);
                    case "--server" -> o.server = server(CommandLineArguments.value(args, ++i, "--server"));
                    case "--component-options" -> o.componentOptions = CommandLineArguments.value(args, ++i, "--component-options");
                    case "--pooled-exchanges" -> o.pooledExchanges = true;
                    case "--contenders" -> o.contenders = contenders(CommandLineArguments.value(args, ++i, "--contenders"));
                    case "--emulator" -> o.emulatorUrl = CommandLineArguments.value(args, ++i, "--emulator");
                    case "--secret-id" -> o.secretId = CommandLineArguments.value(args, ++i, "--secret-id");
                    case "--secret-key" -> o.secretKey = CommandLineArguments.value(args, ++i, "--secret-key");
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (o.emulatorUrl != null && (o.secretId == null || o.secretKey == null)) {
                throw new IllegalArgumentException("--emulator needs --secret-id and --secret-key");
            }
            return o;
        }

        static Contender contender(String key, HarnessOptions options) {
            return switch (key) {
                case "raw" -> RawLimit.jdk();
                case "raw-woodstox" -> RawLimit.woodstox();
                case "floor" -> new CamelFloor(options.pooledExchanges);
                case "component" -> new ComponentRoute(options.componentOptions, options.pooledExchanges);
                case "route" -> new HandWrittenRoute();
                case "sdk" -> new OfficialSdk();
                default -> throw new IllegalArgumentException(key);
            };
        }

        static String label(String key) {
            return contender(key, new HarnessOptions()).name();
        }

        private static String server(String value) {
            if (!value.equals("prerendered") && !value.equals("emulator")) {
                throw new IllegalArgumentException("--server '" + value + "' is not allowed: use prerendered or emulator");
            }
            return value;
        }

        private static List<String> contenders(String list) {
            List<String> keys = Arrays.stream(list.split(",")).map(String::trim).toList();
            for (String key : keys) {
                if (!CONTENDERS.contains(key)) {
                    throw new IllegalArgumentException("--contenders '" + key + "' is not allowed: use a comma list of "
                            + CONTENDERS);
                }
            }
            return keys;
        }
    }
}
