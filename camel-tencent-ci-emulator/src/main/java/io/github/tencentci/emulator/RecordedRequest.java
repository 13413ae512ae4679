package io.github.tencentci.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * A request the emulator received and how it answered. {@link #toString()} leaves headers out: they carry the
 * signature and possibly a session token.
 */
public final class RecordedRequest {

    /** {@link #status()} of a request whose connection was closed without any response. */
    public static final int NO_RESPONSE = 0;

    private final String requestId;
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> params;
    private final Map<String, String> headers;
    private final int status;
    private final String errorCode;
    private final Instant time;

    RecordedRequest(String requestId, IncomingRequest request, int status, String errorCode, Instant time) {
        this.requestId = requestId;
        this.method = request.method();
        this.path = request.path();
        this.rawQuery = request.rawQuery();
        this.params = request.params();
        this.headers = request.headers();
        this.status = status;
        this.errorCode = errorCode;
        this.time = time;
    }

    /** @return the x-ci-request-id the emulator answered with */
    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    /** @return the decoded path */
    public String path() {
        return path;
    }

    /** @return the query as sent, or null */
    public String rawQuery() {
        return rawQuery;
    }

    /** @return the decoded query parameters (the first value of a repeated one) */
    public Map<String, String> params() {
        return params;
    }

    /** @return the request headers by lower-case name; repeated headers joined with {@code ,} */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the HTTP status answered, {@link #NO_RESPONSE} when the connection was closed instead */
    public int status() {
        return status;
    }

    /** @return the CI error code answered, null on success */
    public String errorCode() {
        return errorCode;
    }

    /** @return when the request arrived, by the emulator's clock */
    public Instant time() {
        return time;
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery != null ? "?" + rawQuery : "") + " -> " + status
                + (errorCode != null ? " " + errorCode : "");
    }
}
