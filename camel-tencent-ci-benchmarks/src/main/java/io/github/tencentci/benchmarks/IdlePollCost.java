package io.github.tencentci.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The cost of a steady-state poll that finds nothing new: a consumer whose listing fits one page (a {@code jobId}
 * filter), polled by hand ({@code startScheduler=false}, {@link ScheduledPollConsumer#run()}) on this thread so that
 * the thread's own CPU time is exactly the poll's: signing, the request, parsing, the idempotency check.
 */
final class IdlePollCost {

    private static final int WARMUP_POLLS = 200;

    private final CiEmulator emulator;
    private final ListingService service;
    private final int polls;

    IdlePollCost(CiEmulator emulator, ListingService service, int polls) {
        this.emulator = emulator;
        this.service = service;
        this.polls = polls;
    }

    /**
     * @param cpuMillisPerPoll  CPU time of the polling thread per poll
     * @param wallMillisPerPoll elapsed time per poll (includes the emulator's answer on loopback)
     * @param requestsPerPoll   requests the emulator received per poll
     */
    record Result(double cpuMillisPerPoll, double wallMillisPerPoll, double requestsPerPoll) {
    }

    Result measure() throws Exception {
        String jobId = emulator.jobs().all().get(0).jobId();
        String options = "jobId=" + jobId + "&startScheduler=false";
        try (RouteRun run = new RouteRun((routes, sink) -> routes.from(ComponentRoute.uri(service, options))
                .routeId(RouteRun.ROUTE_ID).autoStartup(false).process(sink))) {
            run.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) run.camel().getRoute(RouteRun.ROUTE_ID).getConsumer();
            for (int i = 0; i < WARMUP_POLLS; i++) {
                consumer.run();
            }
            if (run.count() != 1) {
                throw new IllegalStateException("the first poll should emit the one job, then nothing; emitted "
                        + run.count());
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
