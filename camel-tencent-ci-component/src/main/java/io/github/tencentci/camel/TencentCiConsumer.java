package io.github.tencentci.camel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import io.github.tencentci.camel.delivery.CreationTimeWindow;
import io.github.tencentci.camel.delivery.DeliveryKeys;
import io.github.tencentci.camel.delivery.JobDeliveryTracker;
import io.github.tencentci.camel.http.JobListingClient;
import io.github.tencentci.camel.http.JobListingQuery;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.parsing.JobPage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
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
 * never skips a job.
 */
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
        keys = getEndpoint().getDeliveryKeys();
        window = getEndpoint().getCreationTimeWindow();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        PollWalk walk = new PollWalk(resumeToken);
        if (resumeToken == null) {
            walkQuery = window.narrow(query);
        }
        resumeToken = null;
        while (isRunAllowed()) {
            JobPage page = client.listJobs(walkQuery, walk.token);
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
                Exchange exchange = createExchange(job, page);
                String key = keys.keyOf(exchange);
                if (tracker.claim(key)) {
                    exchange.setProperty(DeliveryKeys.KEY_PROPERTY, key);
                    exchange.getExchangeExtension().addOnCompletion(new DeliveryCompletion(tracker, key));
                    batch.add(exchange);
                    walk.emitted++;
                } else {
                    releaseExchange(exchange, false);
                    walk.skipped++;
                }
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
        LOG.debug("Poll done: {} pages, {} jobs listed, {} emitted, {} already delivered or in flight",
                walk.pages, walk.listed, walk.emitted, walk.skipped);
        return walk.emitted;
    }

    /** The identity of one delivery: a job in one state. */
    static String deliveryKey(JobsDetail job) {
        return DeliveryKeys.jobIdAndState(job);
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

        PollWalk(String startToken) {
            this.token = startToken;
            if (startToken != null) {
                seenTokens.add(startToken);
            }
        }

        boolean capReached() {
            return maxMessagesPerPoll > 0 && emitted >= maxMessagesPerPoll;
        }
    }
}
