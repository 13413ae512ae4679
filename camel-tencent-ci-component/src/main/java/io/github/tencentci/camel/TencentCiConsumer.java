package io.github.tencentci.camel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import io.github.tencentci.camel.delivery.CreationTimeWindow;
import io.github.tencentci.camel.delivery.DeliveryKeys;
import io.github.tencentci.camel.delivery.JobDeliveryTracker;
import io.github.tencentci.camel.http.JobListingClient;
import io.github.tencentci.camel.http.JobListingQuery;
import io.github.tencentci.camel.http.RetryPolicy;
import io.github.tencentci.camel.http.StopAwareWaiter;
import io.github.tencentci.camel.http.ThrottleRetry;
import io.github.tencentci.camel.monitoring.PollStatistics;
import io.github.tencentci.camel.monitoring.PollSummary;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.parsing.JobPage;
import io.github.tencentci.camel.signing.CosSigner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
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

    private JobListingClient client;
    private JobDeliveryTracker tracker;
    private JobListingQuery query;
    private DeliveryKeys keys;
    private CreationTimeWindow window;
    /** The query of the current walk: a resumed walk keeps the window it started with, so its tokens stay valid. */
    private JobListingQuery walkQuery;
    /** The page a capped poll stopped in; {@code null} to start from the first page. */
    private String resumeToken;
    private RetryPolicy retryPolicy;
    private ExecutorService readAheadExecutor;
    private PageAhead pageAhead;
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
        client = getEndpoint().getListingClient();
        tracker = getEndpoint().getDeliveryTracker();
        query = getEndpoint().listingQuery();
        retryPolicy = getEndpoint().getConfiguration().retryPolicy();
        keys = getEndpoint().getDeliveryKeys();
        window = getEndpoint().getCreationTimeWindow();
        if (getEndpoint().isReadAhead()) {
            readAheadExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "TencentCiReadAhead");
            pageAhead = new PageAhead(readAheadExecutor);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (readAheadExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(readAheadExecutor);
            readAheadExecutor = null;
            pageAhead = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        PollWalk walk = new PollWalk(resumeToken);
        if (resumeToken == null) {
            walkQuery = window.narrow(query);
        }
        resumeToken = null;
        ThrottleRetry retry = new ThrottleRetry(retryPolicy, new StopAwareWaiter(this::isWaitAllowed),
                (cause, delay) -> statistics.throttled());
        try {
            walk(walk, retry);
        } catch (Exception e) {
            pollFailed(walk, e);
            throw e;
        } finally {
            if (pageAhead != null) {
                pageAhead.drop(); // a page read ahead for a walk that ended is never emitted
            }
        }
        statistics.pollSucceeded(walk.pages, walk.listed, walk.emitted, walk.skipped);
        PollSummary.logSucceeded(LOG, walk.pages, walk.listed, walk.emitted, walk.skipped, walk.elapsedMillis(),
                retry.waited());
        return walk.emitted;
    }

    private void walk(PollWalk walk, ThrottleRetry retry) throws Exception {
        while (isRunAllowed()) {
            JobPage page = readPage(walk.token, walk.pages + 1, retry);
            walk.pages++;
            forceConsumerAsReady();
            Queue<Object> batch = new ArrayDeque<>(page.jobs().size());
            boolean stoppedInPage = false;
            for (JobsDetail job : page.jobs()) {
                if (walk.capReached()) {
                    stoppedInPage = true;
                    break;
                }
                walk.listed++;
                // the default key needs no exchange: in a steady state most listed jobs are skipped, so none is made
                Exchange exchange = keys.needsExchange() ? createExchange(job, page) : null;
                String key = exchange != null ? keys.keyOf(exchange) : DeliveryKeys.jobIdAndState(job);
                if (tracker.claim(key)) {
                    if (exchange == null) {
                        exchange = createExchange(job, page);
                    }
                    exchange.setProperty(DeliveryKeys.KEY_PROPERTY, key);
                    exchange.getExchangeExtension().addOnCompletion(new DeliveryCompletion(tracker, key));
                    batch.add(exchange);
                    walk.emitted++;
                } else {
                    if (exchange != null) {
                        releaseExchange(exchange, false);
                    }
                    walk.skipped++;
                }
            }
            if (pageAhead != null && !stoppedInPage && !walk.capReached() && !page.isLastPage()
                    && !walk.seenTokens.contains(page.nextToken())) {
                String next = page.nextToken();
                int number = walk.pages + 1;
                pageAhead.readAhead(next, () -> fetch(next, number, retry));
            }
            processBatch(batch);
            if (stoppedInPage) {
                resumeToken = walk.token; // read this page again next time; what was emitted from it is skipped then
                break;
            }
            if (page.isLastPage()) {
                break;
            }
            if (walk.capReached()) {
                resumeToken = page.nextToken();
                break;
            }
            if (!walk.seenTokens.add(page.nextToken())) {
                LOG.warn("The service returned NextToken '{}' a second time in one listing walk; ending this poll after {}"
                         + " pages so the walk cannot loop. The next poll starts from the first page.",
                        page.nextToken(), walk.pages);
                break;
            }
            walk.token = page.nextToken();
        }
    }

    private JobPage readPage(String token, int number, ThrottleRetry retry) throws Exception {
        return pageAhead != null ? pageAhead.take(token, () -> fetch(token, number, retry)) : fetch(token, number, retry);
    }

    private JobPage fetch(String token, int number, ThrottleRetry retry) throws Exception {
        JobListingQuery pageQuery = walkQuery;
        return retry.call("Page " + number, () -> client.listJobs(pageQuery, token));
    }

    /** A retry wait ends at once when the route is stopped or suspended (graceful shutdown suspends first). */
    private boolean isWaitAllowed() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    /** Counts and logs a failed poll, and puts the CI error into the health check's details. */
    private void pollFailed(PollWalk walk, Exception cause) {
        statistics.pollFailed(walk.pages, walk.listed, walk.emitted, walk.skipped, cause);
        PollSummary.logFailed(LOG, walk.pages, walk.listed, walk.emitted, walk.skipped, walk.elapsedMillis(), cause);
        if (getLastErrorDetails() != null) {
            getLastErrorDetails().keySet().removeAll(PollSummary.HEALTH_DETAILS);
        }
        PollSummary.healthDetails(cause).forEach(this::addLastErrorDetail);
    }

    /** The signer of this consumer's requests, e.g. to read its clock correction. */
    public CosSigner getListingClientSigner() {
        return client.getSigner();
    }

    /** The running totals of this consumer's polls. */
    public PollStatistics getStatistics() {
        return statistics;
    }

    private Exchange createExchange(JobsDetail job, JobPage page) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(job);
        message.setHeader(TencentCiConstants.JOB_ID, job.getJobId());
        message.setHeader(TencentCiConstants.JOB_STATE, job.getState());
        message.setHeader(TencentCiConstants.JOB_TYPE, job.getType());
        message.setHeader(TencentCiConstants.JOB_NAME, job.getName());
        message.setHeader(TencentCiConstants.CREATION_TIME, job.getCreationTime());
        message.setHeader(TencentCiConstants.REQUEST_ID, page.requestId());
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int index = 0;
        List<Object> unprocessed = new ArrayList<>(exchanges);
        for (Object item : unprocessed) {
            Exchange exchange = (Exchange) item;
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            index++;
            if (!isBatchAllowed()) {
                // stopping: what is not processed is released so that it comes again after a restart
                releaseUnprocessed(exchange);
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

    private void releaseUnprocessed(Exchange exchange) {
        tracker.released(exchange.getProperty(DeliveryKeys.KEY_PROPERTY, String.class));
    }

    /** Records the job as delivered when its exchange completes, releases it when the exchange fails. */
    private static final class DeliveryCompletion extends SynchronizationAdapter {
        private final JobDeliveryTracker tracker;
        private final String key;

        DeliveryCompletion(JobDeliveryTracker tracker, String key) {
            this.tracker = tracker;
            this.key = key;
        }

        @Override
        public void onComplete(Exchange exchange) {
            tracker.delivered(key);
        }

        @Override
        public void onFailure(Exchange exchange) {
            tracker.released(key);
        }
    }

    /** The running tally of one poll. */
    private final class PollWalk {
        String token;
        final Set<String> seenTokens = new HashSet<>();
        int pages;
        int listed;
        int emitted;
        int skipped;
        final long startNanos = System.nanoTime();

        PollWalk(String startToken) {
            this.token = startToken;
            if (startToken != null) {
                seenTokens.add(startToken);
            }
        }

        long elapsedMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        boolean capReached() {
            return maxMessagesPerPoll > 0 && emitted >= maxMessagesPerPoll;
        }
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
