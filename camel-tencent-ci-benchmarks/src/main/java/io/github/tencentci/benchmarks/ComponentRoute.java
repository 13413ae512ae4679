package io.github.tencentci.benchmarks;

import java.time.Duration;

/**
 * This project's consumer: {@code from("tencent-ci:jobs?...")} into a processor that only counts. One poll walks
 * the whole listing; a fresh context per run gives a fresh idempotent repository.
 */
final class ComponentRoute implements Contender {

    private final String extraOptions;
    private final boolean pooledExchanges;
    private RouteRun run;

    /**
     * @param extraOptions    more endpoint options, e.g. {@code idempotentCacheSize=1000}, or empty
     * @param pooledExchanges whether the context uses Camel's pooled exchange factory
     */
    ComponentRoute(String extraOptions, boolean pooledExchanges) {
        this.extraOptions = extraOptions;
        this.pooledExchanges = pooledExchanges;
    }

    @Override
    public String name() {
        return "tencent-ci:jobs consumer";
    }

    static String uri(ListingService service, String extraOptions) {
        return "tencent-ci:jobs?endpoint=" + service.baseUrl() + "&secretId=" + service.secretId()
               + "&secretKey=RAW(" + service.secretKey() + ")&size=" + service.pageSize()
               + "&initialDelay=0&delay=3600000" + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    @Override
    public void prepare(ListingService service) throws Exception {
        run = new RouteRun((routes, sink) -> routes.from(uri(service, extraOptions)).routeId(RouteRun.ROUTE_ID)
                .autoStartup(false).process(sink), pooledExchanges);
    }

    @Override
    public long readAll(ListingService service) throws Exception {
        return run.runUntil(service.jobs(), Duration.ofMinutes(30));
    }

    @Override
    public void close() {
        run.close();
    }
}
