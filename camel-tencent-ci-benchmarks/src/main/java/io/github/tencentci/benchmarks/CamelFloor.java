package io.github.tencentci.benchmarks;

import java.time.Duration;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.spi.ExchangeFactory;
import org.apache.camel.support.service.ServiceHelper;

/**
 * What any Camel consumer of this listing pays at least: the raw limit's walk, and for every job one empty exchange
 * sent through a route into the same counting processor ({@code direct:} endpoint, unit of work, pipeline), with
 * nothing bound, claimed or remembered. The distance from the raw limit to this is the share of the gap that a
 * Camel component cannot close by its own work; the rest is the component's (binding, idempotency, headers).
 */
final class CamelFloor implements Contender {

    private final boolean pooledExchanges;
    private RouteRun run;
    private Endpoint endpoint;
    private ExchangeFactory exchanges;
    private Producer producer;
    private RawLimit raw;

    /** @param pooledExchanges whether the context uses Camel's pooled exchange factory */
    CamelFloor(boolean pooledExchanges) {
        this.pooledExchanges = pooledExchanges;
    }

    @Override
    public String name() {
        return "raw limit + one empty Camel exchange per job";
    }

    @Override
    public void prepare(ListingService service) throws Exception {
        run = new RouteRun((routes, sink) -> routes.from("direct:floor").routeId(RouteRun.ROUTE_ID).autoStartup(false)
                .process(sink), pooledExchanges);
        run.start();
        endpoint = run.camel().getEndpoint("direct:floor");
        // what a consumer gets: its own factory from the context's (pooled when configured), started
        exchanges = run.camel().getCamelContextExtension().getExchangeFactory()
                .newExchangeFactory(run.camel().getRoute(RouteRun.ROUTE_ID).getConsumer());
        ServiceHelper.startService(exchanges);
        producer = endpoint.createProducer();
        producer.start();
        raw = RawLimit.jdk(this::send);
        raw.prepare(service);
    }

    private void send() {
        Exchange exchange = exchanges.create(endpoint, false); // as a consumer makes them: pooled when configured
        try {
            producer.process(exchange);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            exchanges.release(exchange);
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
        ServiceHelper.stopService(exchanges);
        run.close();
    }
}
