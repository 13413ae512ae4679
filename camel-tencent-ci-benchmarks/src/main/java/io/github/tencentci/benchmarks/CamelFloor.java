package io.github.tencentci.benchmarks;

import java.time.Duration;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;

/**
 * What any Camel consumer of this listing pays at least: the raw limit's walk, and for every job one empty exchange
 * sent through a route into the same counting processor ({@code direct:} endpoint, unit of work, pipeline), with
 * nothing bound, claimed or remembered. The distance from the raw limit to this is the share of the gap that a
 * Camel component cannot close by its own work; the rest is the component's (binding, idempotency, headers).
 */
final class CamelFloor implements Contender {

    private RouteRun run;
    private Endpoint endpoint;
    private Producer producer;
    private RawLimit raw;

    @Override
    public String name() {
        return "raw limit + one empty Camel exchange per job";
    }

    @Override
    public void prepare(ListingService service) throws Exception {
        run = new RouteRun((routes, sink) -> routes.from("direct:floor").routeId(RouteRun.ROUTE_ID).autoStartup(false)
                .process(sink));
        run.start();
        endpoint = run.camel().getEndpoint("direct:floor");
        producer = endpoint.createProducer();
        producer.start();
        raw = RawLimit.jdk(this::send);
        raw.prepare(service);
    }

    private void send() {
        Exchange exchange = endpoint.createExchange();
        try {
            producer.process(exchange);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long readAll(ListingService service) throws Exception {
        long read = raw.readAll(service);
        if (run.count() != read) {
            throw new IllegalStateException("routed " + run.count() + " of " + read + " exchanges");
        }
        return read;
    }

    @Override
    public void close() throws Exception {
        raw.close();
        producer.stop();
        run.close();
    }
}
