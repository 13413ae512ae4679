package io.github.tencentci.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The cost of a steady-state poll that finds nothing new: a consumer whose listing fits one page (a {@code jobId}
 * filter, or the look-back window over the whole seeded history), polled by hand ({@code startScheduler=false}, {@link ScheduledPollConsumer#run()}) on this thread so that
 * the thread's own CPU time is exactly the poll's: signing, the request, parsing, the idempotency check.
 */
final class IdlePollCost {

    private static final int WARMUP_POLLS = 200;

    private final CiEmulator emulator;
    private final ListingService service;
    private final int polls;
    private final String filterOptions;

    /**
     * @param filterOptions endpoint options that make the listing one page, e.g. {@code lookBack=1h}; {@code null}
     *                      for a {@code jobId} filter on the first seeded job
     */
    IdlePollCost(CiEmulator emulator, ListingService service, int polls, String filterOptions) {
        this.emulator = emulator;
        this.service = service;
        this.polls = polls;
        this.filterOptions = filterOptions;
    }

    /**
     * @param cpuMillisPerPoll  CPU time of the polling thread per poll
     * @param wallMillisPerPoll elapsed time per poll (includes the emulator's answer on loopback)
     * @param requestsPerPoll   requests the emulator received per poll
     */
    record Result(double cpuMillisPerPoll, double wallMillisPerPoll, double requestsPerPoll) {
    }

    Result measure() throws Exception {
        String filter = filterOptions != null ? filterOptions : "jobId=" + emulator.jobs().all().get(0).jobId();
        String options = filter + "&startScheduler=false";
        try (RouteRun run = new RouteRun((routes, sink) -> routes.from(ComponentRoute.uri(service, options))
                .routeId(RouteRun.ROUTE_ID).autoStartup(false).process(sink))) {
            run.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) run.camel().getRoute(RouteRun.ROUTE_ID).getConsumer();
            consumer.run();
            long firstPoll = run.count();
            for (int i = 1; i < WARMUP_POLLS; i++) {
                consumer.run();
            }
            if (firstPoll == 0 || run.count() != firstPoll) {
                throw new IllegalStateException("the first poll should emit the listed jobs, then nothing; emitted "
                        + firstPoll + " then " + (run.count() - firstPoll));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int requests0 = emulator.requests().count();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < polls; i++) {
                consumer.run();
            }
            long wall = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            int requests = emulator.requests().count() - requests0;
            return new Result(cpu / 1e6 / polls, wall / 1e6 / polls, (double) requests / polls);
        }
    }
}
