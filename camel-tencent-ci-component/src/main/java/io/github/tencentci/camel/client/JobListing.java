package io.github.tencentci.camel.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import io.github.tencentci.camel.http.RetryPolicy;
import io.github.tencentci.camel.http.StopAwareWaiter;
import io.github.tencentci.camel.http.ThrottleRetry;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.parsing.JobPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the job listing page by page, one {@link Walk} per poll, and remembers across walks where a stopped one
 * should go on.
 * <p>
 * What a walk takes care of, so that its user only handles jobs:
 * <ul>
 * <li>incremental polling ({@code lookBack}): a walk lists the jobs created within {@code lookBack} of now, so a quiet
 * poll does not read the whole history, and still sees every state change of an older job. It does so in up to
 * three legs: first every job that is open now ({@code Submitted}, {@code Running}, {@code Pause}), emitting those
 * created before the window; then the window; then, one by one, the jobs that were open at the last complete walk,
 * are open no more, and were created before the window, to read the final state they reached. The open jobs are
 * remembered in {@link OpenJobs}. Until that memory is known (the first walk of a fresh endpoint), a walk can be
 * asked to list everything instead of the window, for a delivery memory that outlived the last walk's;</li>
 * <li>resuming: a walk stopped early (e.g. capped) is continued by the next one from the page it stopped in or after,
 * with the legs it had left, so its tokens stay valid;</li>
 * <li>the {@code NextToken} guard: a token the service hands out twice in one leg ends the walk, so it cannot loop;</li>
 * <li>throttling: every page is requested under one {@link ThrottleRetry}, so the retry budget spans the walk;</li>
 * <li>read-ahead: with an executor, the next page is read in the background while the user handles this one
 * ({@link PageAhead}).</li>
 * </ul>
 * One walk at a time: the walks of a listing are used by one polling thread after another, never concurrently.
 */
public final class JobListing {

    private static final Logger LOG = LoggerFactory.getLogger(JobListing.class);
    private static final Set<JobState> OPEN = EnumSet.of(JobState.Submitted, JobState.Running, JobState.Pause);

    private final TencentCiClient client;
    private final JobListingQuery query;
    private final Duration lookBack;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final PageAhead pageAhead;
    private final OpenJobs openJobs;
    private final boolean listAllUntilKnown;
    /** What a stopped walk had left; {@code null} to start afresh. */
    private Walk resume;

    /**
     * A listing without a look-back window: every walk lists everything the query selects.
     *
     * @param readAhead reads the next page in the background; {@code null} to read every page when it is asked for
     */
    public JobListing(TencentCiClient client, JobListingQuery query, RetryPolicy retryPolicy, ExecutorService readAhead) {
        this(client, query, Duration.ZERO, Clock.systemUTC(), new OpenJobs(), false, retryPolicy, readAhead);
    }

    /**
     * @param lookBack          how far back from now a walk lists all jobs; zero for no window
     * @param openJobs          the open jobs of the last complete walk, shared by the listings of one endpoint
     * @param listAllUntilKnown whether a walk lists everything (not just the window) while {@code openJobs} is not
     *                          known, e.g. because a persistent delivery memory may predate it
     * @param readAhead         reads the next page in the background; {@code null} to read every page when asked for
     */
    public JobListing(TencentCiClient client, JobListingQuery query, Duration lookBack, Clock clock, OpenJobs openJobs,
                      boolean listAllUntilKnown, RetryPolicy retryPolicy, ExecutorService readAhead) {
        this.client = client;
        this.query = query;
        this.lookBack = lookBack;
        this.clock = clock;
        this.openJobs = openJobs;
        this.listAllUntilKnown = listAllUntilKnown;
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
        Walk walk = resume != null ? resume : fresh();
        resume = null;
        walk.begin(new ThrottleRetry(retryPolicy, new StopAwareWaiter(keepWaiting), listener));
        return walk;
    }

    private Walk fresh() {
        if (lookBack.isZero()) {
            return new Walk(null, List.of(new Leg(query, null, false, null)));
        }
        // whole seconds: the API's time format has no fraction, and the window must not miss a job by truncation
        OffsetDateTime windowStart = listAllUntilKnown && !openJobs.isKnown()
                ? null : OffsetDateTime.now(clock).minus(lookBack).withNano(0);
        JobListingQuery window = windowStart == null ? query : query.withStartCreationTimeAtLeast(windowStart);
        Predicate<JobsDetail> olderThanWindow = job -> windowStart != null && wanted(job)
                && (job.getCreationTime() == null || job.getCreationTime().isBefore(windowStart));
        return new Walk(windowStart, List.of(
                new Leg(query.withStates(OPEN).withSize(100), olderThanWindow, true, null), new Leg(window, null, false, null)));
    }

    /** Whether the query's own states filter selects the job: for legs that list other states than it asks for. */
    private boolean wanted(JobsDetail job) {
        Set<JobState> states = query.states();
        if (states.isEmpty() || states.contains(JobState.All)) {
            return true;
        }
        for (JobState state : states) {
            if (state.name().equals(job.getState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One leg of a walk: one listing query paged through by NextToken.
     *
     * @param hand             which of its jobs the walk hands out; {@code null} for all
     * @param collectsOpenJobs whether this leg lists the open jobs that {@link OpenJobs} remembers
     * @param token            where a resumed leg goes on; {@code null} for its first page
     */
    private record Leg(JobListingQuery query, Predicate<JobsDetail> hand, boolean collectsOpenJobs, String token) {

        Leg at(String resumeToken) {
            return new Leg(query, hand, collectsOpenJobs, resumeToken);
        }
    }

    /**
     * One walk through the listing. {@link #next()} hands out the pages; after handling a page, the user either goes
     * on ({@link #readAhead(boolean)}, optional) or stops ({@link #stopWithinPage()}, {@link #stopAfterPage()}). A failure
     * ends the walk: the next one starts afresh.
     */
    public final class Walk implements AutoCloseable {
        private final OffsetDateTime windowStart;
        private final Deque<Leg> legs;
        /** The open jobs listed by this walk's first leg, once it is complete. */
        private Map<String, OffsetDateTime> open;
        private Leg leg;
        private TokenTrail seenTokens;
        private ThrottleRetry retry;
        private String token;
        private JobPage current;
        private int pages;
        private boolean ended;

        private Walk(OffsetDateTime windowStart, List<Leg> legs) {
            this.windowStart = windowStart;
            this.legs = new ArrayDeque<>(legs);
        }

        private void begin(ThrottleRetry walkRetry) {
            retry = walkRetry;
            ended = false;
            pages = 0;
        }

        /** The next page, or {@code null} when the walk has ended: every leg done, stopped, or a repeated NextToken. */
        public JobPage next() throws IOException {
            while (!ended) {
                if (current != null && !current.isLastPage()) {
                    if (!seenTokens.add(current.nextToken())) {
                        LOG.warn("The service returned NextToken '{}' a second time in one listing walk; ending this poll"
                                 + " after {} pages so the walk cannot loop. The next poll starts afresh.",
                                current.nextToken(), pages);
                        ended = true;
                        return null;
                    }
                    token = current.nextToken();
                    return take();
                }
                if (leg != null) {
                    legDone();
                }
                leg = legs.poll();
                if (leg == null) {
                    completed();
                    return null;
                }
                seenTokens = new TokenTrail();
                token = leg.token();
                if (token != null) {
                    seenTokens.add(token);
                }
                return take();
            }
            return null;
        }

        private JobPage take() throws IOException {
            String pageToken = token;
            int number = pages + 1;
            JobListingQuery legQuery = leg.query();
            JobPage page = pageAhead != null ? pageAhead.take(pageToken, number, (t, n) -> fetch(legQuery, t, n))
                    : fetch(legQuery, pageToken, number);
            pages++;
            if (leg.collectsOpenJobs()) {
                if (open == null) {
                    open = new HashMap<>();
                }
                page.jobs().forEach(job -> open.put(job.getJobId(), job.getCreationTime()));
            }
            current = page;
            return leg.hand() == null ? page : page.only(leg.hand());
        }

        /** After the open jobs were listed: the ones open last time and no more, created before the window, to read. */
        private void legDone() {
            if (leg.collectsOpenJobs() && windowStart != null) {
                Map<String, OffsetDateTime> before = openJobs.jobs();
                Map<String, OffsetDateTime> now = open == null ? Map.of() : open;
                before.forEach((jobId, created) -> {
                    if (!now.containsKey(jobId) && (created == null || created.isBefore(windowStart))) {
                        legs.addLast(new Leg(query.withJobId(jobId).withStates(Set.of()), JobListing.this::wanted, false, null));
                    }
                });
            }
            current = null;
        }

        private void completed() {
            ended = true;
            if (!lookBack.isZero()) {
                openJobs.replace(open == null ? Map.of() : open);
            }
        }

        /**
         * The user goes on after the current page: read the following one in the background, if there is one.
         *
         * @param readOn {@code true} when the user takes every page to the end of the walk unless it is stopped: then
         *               the pages after it are read on, one ahead of the user at most, without waiting to be asked
         *               again; {@code false} (the user may stop after any page, e.g. capped) for that one page only
         */
        public void readAhead(boolean readOn) {
            if (pageAhead != null && !current.isLastPage() && !seenTokens.contains(current.nextToken())) {
                String next = current.nextToken();
                int number = pages + 1;
                JobListingQuery legQuery = leg.query(); // read now: the background read must not see a later leg
                pageAhead.readAhead(next, number, readOn, (t, n) -> fetch(legQuery, t, n));
            }
        }

        /** Ends the walk within the current page: the next walk reads it again (what was taken from it is skipped then). */
        public void stopWithinPage() {
            stop(leg.at(token));
        }

        /** Ends the walk after the current page: the next walk goes on with the following one. */
        public void stopAfterPage() {
            stop(current.isLastPage() ? null : leg.at(current.nextToken()));
        }

        private void stop(Leg resumeAt) {
            ended = true;
            if (resumeAt == null) {
                legDone();
            } else {
                legs.addFirst(resumeAt);
            }
            leg = null;
            current = null;
            if (legs.isEmpty()) {
                completed();
            } else {
                resume = this;
            }
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

        private JobPage fetch(JobListingQuery legQuery, String pageToken, int number) throws IOException {
            return retry.call("Page " + number + " of the job listing", () -> client.listJobs(legQuery, pageToken));
        }
    }
}
