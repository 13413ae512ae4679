package io.github.tencentci.camel.http;

import java.io.IOException;
import java.time.Duration;

/**
 * The service answered with a non-2xx status. The message carries the HTTP status, CI's error {@code Code} and
 * {@code Message}, and the {@code RequestId} and {@code TraceId} that Tencent Cloud support asks for.
 */
public class CiServiceException extends IOException {

    private final int statusCode;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final String traceId;
    private final Duration retryAfter;
    private final String serviceDate;

    public CiServiceException(
            String operation, int statusCode, String errorCode, String errorMessage, String requestId, String traceId,
            Duration retryAfter, String serviceDate) {
        super(describe(operation, statusCode, errorCode, errorMessage, requestId, traceId));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.traceId = traceId;
        this.retryAfter = retryAfter;
        this.serviceDate = serviceDate;
    }

    private static String describe(
            String operation, int status, String code, String message, String requestId, String traceId) {
        StringBuilder text = new StringBuilder(operation).append(" failed: HTTP ").append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        text.append(" (RequestId=").append(requestId);
        if (traceId != null) {
            text.append(", TraceId=").append(traceId);
        }
        return text.append(')').toString();
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** CI's error code, e.g. {@code SlowDown}, {@code SignatureDoesNotMatch}; {@code null} when the body had none. */
    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getTraceId() {
        return traceId;
    }

    /** The service's {@code Retry-After}, or {@code null}. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** The service's {@code Date} header as sent, or {@code null}; used to correct a skewed local clock. */
    public String getServiceDate() {
        return serviceDate;
    }

    /** Throttling or a passing outage: worth retrying after a pause. */
    public boolean isThrottlingOrUnavailable() {
        return statusCode == 429 || statusCode == 503 || "SlowDown".equals(errorCode);
    }

    /** The service refused the signature's time window. */
    public boolean isClockSkew() {
        return "RequestTimeTooSkewed".equals(errorCode) || "SignatureExpired".equals(errorCode);
    }
}
