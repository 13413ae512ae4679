package io.github.tencentci.camel.monitoring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.tencentci.camel.http.CiServiceException;
import org.slf4j.Logger;

/**
 * The one line each poll logs, and the details a failed poll adds to Camel's consumer health check.
 * <p>
 * A poll that emitted something, or failed, logs at INFO; a poll that found nothing new logs at DEBUG, so a
 * steady state polling every few seconds stays quiet.
 */
public final class PollSummary {

    /** Health check detail: the CI error code of the last failed poll (or the exception type). */
    public static final String DETAIL_ERROR_CODE = "ci.error.code";
    /** Health check detail: the RequestId of the refused request, for Tencent Cloud support. */
    public static final String DETAIL_REQUEST_ID = "ci.request.id";
    /** Health check detail: the HTTP status of the refused request. */
    public static final String DETAIL_HTTP_STATUS = "ci.http.status";
    public static final List<String> HEALTH_DETAILS = List.of(DETAIL_ERROR_CODE, DETAIL_REQUEST_ID, DETAIL_HTTP_STATUS);

    private PollSummary() {
    }

    public static void logSucceeded(Logger log, PollTally t, Duration waitedForRetries) {
        if (t.emitted > 0) {
            log.info("Poll done in {} ms: {} pages, {} jobs listed, {} emitted, {} duplicates skipped{}", t.elapsedMillis(),
                    t.pages, t.listed, t.emitted, t.skipped, waited(waitedForRetries));
        } else if (log.isDebugEnabled()) {
            log.debug("Poll done in {} ms: {} pages, {} jobs listed, {} emitted, {} duplicates skipped{}", t.elapsedMillis(),
                    t.pages, t.listed, t.emitted, t.skipped, waited(waitedForRetries));
        }
    }

    public static void logFailed(Logger log, PollTally t, Throwable cause) {
        log.info("Poll failed after {} ms at page {}: {} pages read, {} jobs listed, {} emitted, {} duplicates skipped;"
                 + " {}: {}. Nothing of the failed page was emitted; the next poll reads it again", t.elapsedMillis(),
                t.pages + 1, t.pages, t.listed, t.emitted, t.skipped, PollStatistics.errorCode(cause), cause.getMessage());
    }

    private static String waited(Duration waited) {
        return waited.isZero() ? "" : ", " + waited.toMillis() + " ms waited for throttling retries";
    }

    /** What a failed poll tells the health check, beyond the exception Camel already shows. */
    public static Map<String, Object> healthDetails(Throwable cause) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(DETAIL_ERROR_CODE, PollStatistics.errorCode(cause));
        if (cause instanceof CiServiceException service) {
            details.put(DETAIL_HTTP_STATUS, service.getStatusCode());
            if (service.getRequestId() != null) {
                details.put(DETAIL_REQUEST_ID, service.getRequestId());
            }
        }
        return details;
    }
}
