package io.github.tencentci.benchmarks;

/**
 * One way of reading every job of the listing. Each run starts from nothing kept (fresh client, fresh route, fresh
 * idempotent repository) apart from what the JVM has warmed up.
 */
interface Contender extends AutoCloseable {

    String name();

    /**
     * Prepares what a run needs but must not count (a Camel context, a client); called before the clock starts.
     */
    default void prepare(ListingService service) throws Exception {
    }

    /**
     * Reads every job of the listing once.
     *
     * @return how many jobs were read (the harness checks it against the listing)
     */
    long readAll(ListingService service) throws Exception;

    /** Releases what {@link #prepare} made; called after the clock stopped. */
    @Override
    default void close() throws Exception {
    }
}
