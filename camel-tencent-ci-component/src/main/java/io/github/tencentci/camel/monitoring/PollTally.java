package io.github.tencentci.camel.monitoring;

/** The counts of one poll, kept by the consumer and read by {@link PollStatistics} and {@link PollSummary}. */
public final class PollTally {

    int pages;
    int listed;
    int emitted;
    int skipped;
    private final long startNanos = System.nanoTime();

    public void pageRead() {
        pages++;
    }

    public void emitted() {
        listed++;
        emitted++;
    }

    public void skipped() {
        listed++;
        skipped++;
    }

    public int getEmitted() {
        return emitted;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
