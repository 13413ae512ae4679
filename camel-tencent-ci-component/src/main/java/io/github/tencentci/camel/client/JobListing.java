package io.github.tencentci.camel.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import io.github.tencentci.camel.http.RetryPolicy;
import io.github.tencentci.camel.http.StopAwareWaiter;
import io.github.tencentci.camel.http.ThrottleRetry;
import io.github.tencentci.camel.parsing.JobPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the job listing page by page, one {@link Walk} per poll, and remembers across walks where a stopped one
 * should go on.
 * <p>
 * What a walk takes care of, so that its user only handles jobs:
 * <ul>
 * <li>the look-back window: a fresh walk lists only jobs created within {@code lookBack} of now (and within the
 * query's own start), so a quiet poll reads one page instead of the whole history. A job whose creation time has
 * left the window is no longer listed, so choose a window longer than a job can take to reach its last state;</li>
 * <li>resuming: a walk stopped early (e.g. capped) is continued by the next one from the page it stopped in or after,
 * with the query it started with, so its tokens stay valid;</li>
 * <li>the {@code NextToken} guard: a token the service hands out twice in one walk ends it, so it cannot loop;</li>
 * <li>throttling: every page is requested under one {@link ThrottleRetry}, so the retry budget spans the walk;</li>
 * <li>read-ahead: with an executor, the next page is read in the background while the user handles this one.</li>
 * </ul>
 * One walk at a time: the walks of a listing are used by one polling thread after another, never concurrently.
 */
public final class JobListing {

    private static final Logger LOG = LoggerFactory.getLogger(JobListing.class);

    private final TencentCiClient client;
    private final JobListingQuery query;
    private final Duration lookBack;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final PageAhead pageAhead;
    /** The page a stopped walk ends in or before; {@code null} to start from the first page. */
    private String resumeToken;
    /** The query of the walk being resumed: it keeps the window it started with. */
    private JobListingQuery resumeQuery;

    /**
     * @param lookBack  how far back from now a fresh walk lists; zero for no window
     * @param readAhead reads the next page in the background; {@code null} to read every page when it is asked for
     */
    public JobListing(TencentCiClient client, JobListingQuery query, Duration lookBack, Clock clock,
                      RetryPolicy retryPolicy, ExecutorService readAhead) {
        this.client = client;
        this.query = query;
        this.lookBack = lookBack;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
        this.pageAhead = readAhead == null ? null : new PageAhead(readAhead);
    }

    public JobListingQuery getQuery() {
        return query;
    }

    /**
     * Starts a walk: from where the last one stopped, else from the first page.
     *
     * @param keepWaiting asked during a retry wait; {@code false} ends the wait and fails the page (e.g. stopping)
     * @param listener    told of every retry
     */
    public Walk walk(BooleanSupplier keepWaiting, ThrottleRetry.RetryListener listener) {
        Walk walk = resumeToken == null ? new Walk(null, narrowed()) : new Walk(resumeToken, resumeQuery);
        resumeToken = null;
        resumeQuery = null;
        walk.retry = new ThrottleRetry(retryPolicy, new StopAwareWaiter(keepWaiting), listener);
        return walk;
    }

    private JobListingQuery narrowed() {
        if (lookBack.isZero()) {
            return query;
        }
        // whole seconds: the API's time format has no fraction, and the window must not miss a job by truncation
        return query.withStartCreationTimeAtLeast(OffsetDateTime.now(clock).minus(lookBack).withNano(0));
    }

    /**
     * One walk through the listing. {@link #next()} hands out the pages; after handling a page, the user either goes
     * on ({@link #readAhead()}, optional) or stops ({@link #stopWithinPage()}, {@link #stopAfterPage()}). A failure
     * ends the walk: the next one starts from the first page.
     */
    public final class Walk implements AutoCloseable {
        private final JobListingQuery walkQuery;
        private final Set<String> seenTokens = new HashSet<>();
        private ThrottleRetry retry;
        private String token;
        private JobPage current;
        private int pages;
        private boolean ended;

        private Walk(String startToken, JobListingQuery walkQuery) {
            this.token = startToken;
            this.walkQuery = walkQuery;
            if (startToken != null) {
                seenTokens.add(startToken);
            }
        }

        /** The next page, or {@code null} when the walk has ended: last page, stopped, or a repeated NextToken. */
        public JobPage next() throws IOException {
            if (ended) {
                return null;
            }
            if (current != null) {
                if (current.isLastPage()) {
                    ended = true;
                    return null;
                }
                if (!seenTokens.add(current.nextToken())) {
                    LOG.warn("The service returned NextToken '{}' a second time in one listing walk; ending this poll after"
                             + " {} pages so the walk cannot loop. The next poll starts from the first page.",
                            current.nextToken(), pages);
                    ended = true;
                    return null;
                }
                token = current.nextToken();
            }
            String pageToken = token;
            int number = pages + 1;
            current = pageAhead != null
                    ? pageAhead.take(pageToken, () -> fetch(pageToken, number)) : fetch(pageToken, number);
            pages++;
            return current;
        }

        /** The user goes on after the current page: read the following one in the background, if there is one. */
        public void readAhead() {
            if (pageAhead != null && !current.isLastPage() && !seenTokens.contains(current.nextToken())) {
                String next = current.nextToken();
                int number = pages + 1;
                pageAhead.readAhead(next, () -> fetch(next, number));
            }
        }

        /** Ends the walk within the current page: the next walk reads it again (what was taken from it is skipped then). */
        public void stopWithinPage() {
            stop(token);
        }

        /** Ends the walk after the current page: the next walk goes on with the following page. */
        public void stopAfterPage() {
            stop(current.isLastPage() ? null : current.nextToken());
        }

        private void stop(String resumeAt) {
            ended = true;
            resumeToken = resumeAt;
            resumeQuery = resumeAt == null ? null : walkQuery;
        }

        /** Pages handed out so far. */
        public int pages() {
            return pages;
        }

        /** How long this walk waited for retries. */
        public Duration waited() {
            return retry.waited();
        }

        /** Drops a page read ahead that this walk will not take: it is never handed out. */
        @Override
        public void close() {
            ended = true;
            if (pageAhead != null) {
                pageAhead.drop();
            }
        }

        private JobPage fetch(String pageToken, int number) throws IOException {
            return retry.call("Page " + number, () -> client.listJobs(walkQuery, pageToken));
        }
    }
}
