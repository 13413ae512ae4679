package io.github.tencentci.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.impl.engine.PooledProcessorExchangeFactory;

/**
 * A Camel context holding one route that ends in a processor doing nothing but counting; the route is added stopped
 * so that context start-up is not timed, and started by {@link #runUntil(long, Duration)}.
 */
final class RouteRun implements AutoCloseable {

    static final String ROUTE_ID = "contender";

    private final CamelContext camel = new DefaultCamelContext();
    private final AtomicLong count = new AtomicLong();
    private volatile CountDownLatch done = new CountDownLatch(1);
    private volatile long expected = Long.MAX_VALUE;

    /** A route body from its start to the counting processor. */
    interface RouteShape {
        void configure(RouteBuilder builder, Processor sink) throws Exception;
    }

    RouteRun(RouteShape shape) throws Exception {
        this(shape, false);
    }

    /**
     * @param pooledExchanges whether the context reuses exchanges ({@code camel.main.exchangeFactory=pooled}), which
     *                        Camel offers to cut the per-exchange garbage; off by default, as in Camel
     */
    RouteRun(RouteShape shape, boolean pooledExchanges) throws Exception {
        if (pooledExchanges) {
            camel.getCamelContextExtension().setExchangeFactory(new PooledExchangeFactory());
            camel.getCamelContextExtension().setProcessorExchangeFactory(new PooledProcessorExchangeFactory());
        }
        Processor sink = exchange -> {
            if (count.incrementAndGet() == expected) {
                done.countDown();
            }
        };
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                shape.configure(this, sink);
            }
        });
        camel.getRouteController().stopRoute(ROUTE_ID); // noop if it was declared autoStartup(false)
        camel.start();
    }

    CamelContext camel() {
        return camel;
    }

    /** Starts the route without waiting for anything. */
    void start() throws Exception {
        camel.getRouteController().startRoute(ROUTE_ID);
    }

    /** @return how many exchanges reached the end of the route so far */
    long count() {
        return count.get();
    }

    /** Starts the route and waits until {@code jobs} exchanges reached the end of it. @return the count then */
    long runUntil(long jobs, Duration timeout) throws Exception {
        expected = jobs;
        camel.getRouteController().startRoute(ROUTE_ID);
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("only " + count.get() + " of " + jobs + " jobs arrived within " + timeout);
        }
        return count.get();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
