package io.github.tencentci.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.tencentci.camel.TencentCiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What restarting a route costs a user: the time from {@code startRoute} to the first request the listing server
 * receives, and the time {@code stopRoute} takes on a route whose poll is done (idle between polls). Camel's own
 * share is measured the same way on a {@code scheduler:} route (Camel's own scheduled poll consumer, as the
 * component's is: start to its first exchange, stop), in the same context.
 * The component route reads a one-page listing, so each start is followed by one short poll.
 */
final class RouteLifecycleCost {

    private static final int WARMUP = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Medians and ranges in milliseconds. */
    record Result(double[] componentStartCall, double[] componentStart, double[] componentStop, double[] schedulerStart,
                  double[] schedulerStop) {
    }

    private final int restarts;

    RouteLifecycleCost(int restarts) {
        this.restarts = restarts;
    }

    Result measure() throws Exception {
        try (PreRenderedListing listing = PreRenderedListing.start(100, 100, 0)) {
            ListingService service = new ListingService(listing.baseUrl(), EndToEndHarness.SECRET_ID,
                    EndToEndHarness.SECRET_KEY, listing.jobs(), 100);
            CamelContext camel = new DefaultCamelContext();
            CountDownLatch[] tick = { new CountDownLatch(1) };
            long[] tickNanos = new long[1];
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(ComponentRoute.uri(service, "")).routeId("component").autoStartup(false)
                            .process(e -> {
                            });
                    from("scheduler:baseline?initialDelay=0&delay=3600000").routeId("scheduler").autoStartup(false)
                            .process(e -> {
                                tickNanos[0] = System.nanoTime();
                                tick[0].countDown();
                            });
                }
            });
            camel.start();
            int total = WARMUP + restarts;
            double[] componentStartCall = new double[restarts];
            double[] componentStart = new double[restarts];
            double[] componentStop = new double[restarts];
            double[] schedulerStart = new double[restarts];
            double[] schedulerStop = new double[restarts];
            try {
                for (int i = 0; i < total; i++) {
                    listing.resetCounts();
                    TencentCiConsumer before = (TencentCiConsumer) camel.getRoute("component").getConsumer();
                    long pollsBefore = before == null ? 0 : before.getPollCount();
                    long t0 = System.nanoTime();
                    camel.getRouteController().startRoute("component");
                    long started = System.nanoTime();
                    long first = listing.awaitFirstRequest(TIMEOUT);
                    TencentCiConsumer consumer = (TencentCiConsumer) camel.getRoute("component").getConsumer();
                    awaitPollDone(consumer, consumer == before ? pollsBefore : 0);
                    long t1 = System.nanoTime();
                    camel.getRouteController().stopRoute("component");
                    long t2 = System.nanoTime();

                    tick[0] = new CountDownLatch(1);
                    long t3 = System.nanoTime();
                    camel.getRouteController().startRoute("scheduler");
                    await(tick[0]);
                    long t4 = System.nanoTime();
                    camel.getRouteController().stopRoute("scheduler");
                    long t5 = System.nanoTime();
                    if (i >= WARMUP) {
                        int m = i - WARMUP;
                        componentStartCall[m] = (started - t0) / 1e6;
                        componentStart[m] = (first - t0) / 1e6;
                        componentStop[m] = (t2 - t1) / 1e6;
                        schedulerStart[m] = (tickNanos[0] - t3) / 1e6;
                        schedulerStop[m] = (t5 - t4) / 1e6;
                    }
                }
            } finally {
                camel.stop();
            }
            return new Result(componentStartCall, componentStart, componentStop, schedulerStart, schedulerStop);
        }
    }

    /** Waits (checking every 0.1 ms) until the consumer's first poll since its start is over. */
    private static void awaitPollDone(TencentCiConsumer consumer, long pollsBefore) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.getPollCount() <= pollsBefore) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the poll did not end within " + TIMEOUT);
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("nothing arrived within " + TIMEOUT);
        }
    }

    /** {@code median (min-max) ms}. */
    static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(java.util.Locale.ROOT, "%.2f ms (%.2f-%.2f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }
}
