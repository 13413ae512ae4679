package io.github.tencentci.camel.parsing;

/**
 * The error body of a failed CI request: {@code <Error><Code/><Message/><RequestId/><TraceId/></Error>}. Any
 * component may be {@code null} when the body did not carry it (or was not XML at all).
 *
 * @param code      e.g. {@code SlowDown}, {@code AccessDenied}
 * @param message   the human readable explanation
 * @param requestId the request id the server gave the request
 * @param traceId   the trace id to quote to Tencent support
 */
public record CiError(String code, String message, String requestId, String traceId) {

    private static final CiError EMPTY = new CiError(null, null, null, null);

    /**
     * @return an error with every component {@code null}, for a body that carried nothing readable
     */
    public static CiError empty() {
        return EMPTY;
    }
}
