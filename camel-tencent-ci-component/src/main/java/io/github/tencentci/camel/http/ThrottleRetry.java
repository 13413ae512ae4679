package io.github.tencentci.camel.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the requests of one poll under a {@link RetryPolicy}: a throttled or unavailable answer is retried after a
 * logged, stoppable wait; anything else, an exhausted policy or budget, or a stop during the wait, fails the request
 * with the service's own exception. Create one per unit of work whose waits share the budget: a poll (all its
 * pages) for the consumer, an exchange for the producer.
 * <p>
 * Thread-safe: a walk's read-ahead thread and its polling thread share one (a read-ahead that the walk dropped may
 * still be finishing while the polling thread reads the page itself), so the time waited is counted atomically.
 */
public final class ThrottleRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottleRetry.class);

    /** One request that may be repeated. */
    @FunctionalInterface
    public interface Request<T> {
        T send() throws IOException;
    }

    /** Told of every retry, e.g. to count it. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(CiServiceException cause, Duration delay);
    }

    private final RetryPolicy policy;
    private final StopAwareWaiter waiter;
    private final RetryListener listener;
    private final String givingUp;
    private final AtomicLong waitedMillis = new AtomicLong();

    /** For the requests of one poll. */
    public ThrottleRetry(RetryPolicy policy, StopAwareWaiter waiter, RetryListener listener) {
        this(policy, waiter, listener, "this poll fails and the next poll starts again");
    }

    /**
     * @param givingUp what happens when the retries are over, for the log, e.g. "the exchange fails"
     */
    public ThrottleRetry(RetryPolicy policy, StopAwareWaiter waiter, RetryListener listener, String givingUp) {
        this.policy = policy;
        this.waiter = waiter;
        this.listener = listener;
        this.givingUp = givingUp;
    }

    /** How long this poll has waited so far. */
    public Duration waited() {
        return Duration.ofMillis(waitedMillis.get());
    }

    /**
     * Sends the request, retrying it as the policy allows.
     *
     * @param what what is being requested, for the log, e.g. "Page 3 of the job listing"
     */
    public <T> T call(String what, Request<T> request) throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                return request.send();
            } catch (IOException failure) {
                if (!policy.isRetryable(failure)) {
                    throw failure;
                }
                CiServiceException cause = (CiServiceException) failure;
                if (attempt >= policy.getAttempts()) {
                    LOG.warn("{} is still refused after {} attempts ({}); {}", what, attempt, summary(cause), givingUp);
                    throw cause;
                }
                Duration delay = policy.delayBefore(attempt, cause.getRetryAfter());
                long spent = waitedMillis.get();
                long left = policy.getBudget().toMillis() - spent;
                if (delay.toMillis() > left) {
                    LOG.warn("{} refused ({}); waiting {} ms more would exceed the retry budget of {} ms ({} ms spent),"
                             + " so {}", what, summary(cause), delay.toMillis(), policy.getBudget().toMillis(), spent,
                            givingUp);
                    throw cause;
                }
                LOG.warn("{} refused ({}); waiting {} ms before attempt {} of {}{}", what, summary(cause),
                        delay.toMillis(), attempt + 1, policy.getAttempts(),
                        cause.getRetryAfter() == null ? "" : " (the service asked for Retry-After "
                                + cause.getRetryAfter().toSeconds() + " s, honoured up to "
                                + policy.getMaxRetryAfter().toMillis() + " ms)");
                listener.retrying(cause, delay);
                long start = System.nanoTime();
                boolean waitedFully = waiter.await(delay);
                waitedMillis.addAndGet((System.nanoTime() - start) / 1_000_000);
                if (!waitedFully) {
                    LOG.info("Stopped waiting to retry {}: stopping", what);
                    throw cause;
                }
            }
        }
    }

    private static String summary(CiServiceException e) {
        return "HTTP " + e.getStatusCode() + (e.getErrorCode() != null ? " " + e.getErrorCode() : "")
               + ", RequestId=" + e.getRequestId();
    }
}
