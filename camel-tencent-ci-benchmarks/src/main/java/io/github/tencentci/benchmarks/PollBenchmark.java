package io.github.tencentci.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.camel.support.ScheduledPollConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole poll through a Camel route: {@code from("tencent-ci:jobs?maxMessagesPerPoll=100")} into a processor
 * that counts, polled by hand on the benchmark thread. Each poll signs and sends one request to a
 * {@link PreRenderedListing}, parses its page of 100 new jobs, claims their keys in the default idempotent repository
 * (full after the first 1,000 polls, evicting from then on), and routes 100 exchanges to completion. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation of one such poll (100 jobs), the server's few
 * hundred bytes a request included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PollBenchmark {

    /** Camel's exchange factory: {@code prototype} (Camel's default, a new exchange each time) or {@code pooled}. */
    @Param({ "prototype", "pooled" })
    public String exchangeFactory;

    private PreRenderedListing listing;
    private RouteRun run;
    private ScheduledPollConsumer consumer;

    @Setup
    public void start() throws Exception {
        // 10,000,000 jobs: more than a run reads, so every poll finds 100 new ones; 10,000 of them rendered
        listing = PreRenderedListing.start(10_000_000, 100, 0, 10_000);
        ListingService service = new ListingService(listing.baseUrl(), EndToEndHarness.SECRET_ID,
                EndToEndHarness.SECRET_KEY, listing.jobs(), 100);
        String options = "maxMessagesPerPoll=100&startScheduler=false";
        run = new RouteRun((routes, sink) -> routes.from(ComponentRoute.uri(service, options))
                .routeId(RouteRun.ROUTE_ID).autoStartup(false).process(sink), exchangeFactory.equals("pooled"));
        run.start();
        consumer = (ScheduledPollConsumer) run.camel().getRoute(RouteRun.ROUTE_ID).getConsumer();
    }

    @Benchmark
    public long poll() {
        long before = run.count();
        consumer.run();
        long emitted = run.count() - before;
        if (emitted != 100) {
            throw new IllegalStateException("a poll emitted " + emitted + " jobs, expected 100");
        }
        return emitted;
    }

    @TearDown
    public void stop() throws Exception {
        run.close();
        listing.close();
    }
}
