package io.github.tencentci.camel;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;

import io.github.tencentci.camel.client.JobListing;
import io.github.tencentci.camel.client.TencentCiClient;
import io.github.tencentci.camel.delivery.DeliveryKeys;
import io.github.tencentci.camel.delivery.JobDeliveryOnCompletion;
import io.github.tencentci.camel.delivery.JobDeliveryTracker;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.monitoring.PollStatistics;
import io.github.tencentci.camel.monitoring.PollSummary;
import io.github.tencentci.camel.monitoring.PollTally;
import io.github.tencentci.camel.parsing.JobPage;
import io.github.tencentci.camel.signing.CosSigner;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the job listing page by page and emits one exchange per job the route has not yet seen in its current state.
 * <p>
 * Each page is emitted as one batch as soon as it is read completely, so memory stays bounded by the page size
 * however long the history. With {@code maxMessagesPerPoll} the walk stops once that many exchanges were emitted and
 * the next poll resumes at the page where it stopped (jobs already emitted are skipped there), so a capped poll
 * never skips a job. While the route processes a page, the next one is read in the background ({@code readAhead}).
 */
@ManagedResource(description = "Managed Tencent CI jobs consumer")
public class TencentCiConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentCiConsumer.class);

    private TencentCiClient client;
    private JobDeliveryTracker tracker;
    private DeliveryKeys keys;
    private ExecutorService readAheadExecutor;
    private JobListing listing;
    private final PollStatistics statistics = new PollStatistics();

    public TencentCiConsumer(TencentCiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TencentCiEndpoint getEndpoint() {
        return (TencentCiEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        TencentCiEndpoint endpoint = getEndpoint();
        client = endpoint.getClient();
        tracker = endpoint.getDeliveryTracker();
        keys = endpoint.getDeliveryKeys();
        if (endpoint.isReadAhead()) {
            readAheadExecutor = endpoint.getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "TencentCiReadAhead");
        }
        listing = endpoint.jobListing(readAheadExecutor);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (readAheadExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(readAheadExecutor);
            readAheadExecutor = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        // must be reset for each poll, as camel-file does
        shutdownRunningTask = null;
        pendingExchanges = 0;
        PollTally tally = new PollTally();
        try (JobListing.Walk walk = listing.walk(this::isWaitAllowed, (cause, delay) -> statistics.throttled())) {
            try {
                emit(walk, tally);
            } catch (Exception e) {
                pollFailed(tally, e);
                throw e;
            }
            statistics.pollSucceeded(tally);
            PollSummary.logSucceeded(LOG, tally, walk.waited());
        }
        return tally.getEmitted();
    }

    /** Emits each page of the walk as one batch: claim each job's key, create its exchange, process the batch. */
    private void emit(JobListing.Walk walk, PollTally tally) throws Exception {
        JobPage page;
        while (isRunAllowed() && (page = walk.next()) != null) {
            tally.pageRead();
            forceConsumerAsReady();
            boolean capped = maxMessagesPerPoll > 0;
            if (!capped) {
                // nothing but a stop ends the walk before its last page: read on while this page's exchanges are made
                walk.readAhead(true);
            }
            Queue<Object> batch = new ArrayDeque<>(page.jobs().size());
            boolean stoppedInPage = false;
            for (JobsDetail job : page.jobs()) {
                if (capReached(tally)) {
                    stoppedInPage = true;
                    break;
                }
                // the default key needs no exchange: in a steady state most listed jobs are skipped, so none is made
                Exchange exchange = keys.needsExchange() ? createExchange(job, page) : null;
                String key = exchange != null ? keys.keyOf(exchange) : DeliveryKeys.jobIdAndState(job);
                if (tracker.claim(key)) {
                    if (exchange == null) {
                        exchange = createExchange(job, page);
                    }
                    exchange.setProperty(DeliveryKeys.KEY_PROPERTY, key);
                    exchange.getExchangeExtension().addOnCompletion(new JobDeliveryOnCompletion(tracker, key));
                    batch.add(exchange);
                    tally.emitted();
                } else {
                    if (exchange != null) {
                        releaseExchange(exchange, false); // never routed
                    }
                    tally.skipped();
                }
            }
            if (stoppedInPage) {
                walk.stopWithinPage(); // read this page again next time; what was emitted from it is skipped then
            } else if (capReached(tally)) {
                walk.stopAfterPage();
            } else if (capped) {
                walk.readAhead(false); // the cap may end the walk after the next page: that one only
            }
            processBatch(batch);
        }
    }

    private boolean capReached(PollTally tally) {
        return maxMessagesPerPoll > 0 && tally.getEmitted() >= maxMessagesPerPoll;
    }

    /** A retry wait ends at once when the route is stopped or suspended (graceful shutdown suspends first). */
    private boolean isWaitAllowed() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    /** Counts and logs a failed poll, and puts the CI error into the health check's details. */
    private void pollFailed(PollTally tally, Exception cause) {
        statistics.pollFailed(tally, cause);
        PollSummary.logFailed(LOG, tally, cause);
        if (getLastErrorDetails() != null) {
            getLastErrorDetails().keySet().removeAll(PollSummary.HEALTH_DETAILS);
        }
        PollSummary.healthDetails(cause).forEach(this::addLastErrorDetail);
    }

    /** The signer of this consumer's requests, e.g. to read its clock correction. */
    public CosSigner getListingClientSigner() {
        return client.getSigner();
    }

    private Exchange createExchange(JobsDetail job, JobPage page) {
        Exchange exchange = createExchange(true);
        exchange.setIn(new TencentCiMessage(exchange, job, page.requestId()));
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total; index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (!isBatchAllowed()) {
                // stopping: what is not processed is released so that it comes again after a restart
                tracker.released(exchange.getProperty(DeliveryKeys.KEY_PROPERTY, String.class));
                releaseExchange(exchange, false);
                continue;
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing job " + exchange.getMessage().getHeader(
                        TencentCiConstants.JOB_ID) + "; it will be emitted again at the next poll", exchange,
                        exchange.getException());
            }
        }
        pendingExchanges = 0;
        return total;
    }

    @ManagedAttribute(description = "Polls done, failed ones included")
    public long getPollCount() {
        return statistics.getPolls();
    }

    @ManagedAttribute(description = "Polls that failed")
    public long getFailedPollCount() {
        return statistics.getFailedPolls();
    }

    @ManagedAttribute(description = "Polls that failed in a row, 0 after a good poll")
    public long getConsecutiveFailedPolls() {
        return statistics.getConsecutiveFailures();
    }

    @ManagedAttribute(description = "Listing pages read completely")
    public long getPagesRead() {
        return statistics.getPages();
    }

    @ManagedAttribute(description = "Job records listed")
    public long getJobsListed() {
        return statistics.getJobsListed();
    }

    @ManagedAttribute(description = "Exchanges emitted, one per new (JobId, State)")
    public long getJobsEmitted() {
        return statistics.getJobsEmitted();
    }

    @ManagedAttribute(description = "Listed jobs skipped as already delivered or in flight")
    public long getDuplicatesSkipped() {
        return statistics.getDuplicatesSkipped();
    }

    @ManagedAttribute(description = "Requests retried after throttling (429 SlowDown) or 503")
    public long getThrottleRetries() {
        return statistics.getThrottleRetries();
    }

    @ManagedAttribute(description = "Corrections of the signing clock from the service's Date header")
    public long getClockCorrections() {
        return client == null ? 0 : client.getClockCorrections();
    }

    @ManagedAttribute(description = "CI error code (or exception type) of the last failed poll")
    public String getLastErrorCode() {
        return statistics.getLastErrorCode();
    }
}
