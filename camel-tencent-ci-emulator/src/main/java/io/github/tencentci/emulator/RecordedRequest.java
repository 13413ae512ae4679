package io.github.tencentci.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * A request the emulator received and how it answered. {@link #toString()} leaves headers out: they carry the
 * signature and possibly a session token.
 *
 * @param requestId the x-ci-request-id the emulator answered with
 * @param path      the decoded path
 * @param rawQuery  the query as sent, or null
 * @param params    the decoded query parameters (the first value of a repeated one)
 * @param headers   the request headers by lower-case name; repeated headers joined with {@code ,}
 * @param status    the HTTP status answered, {@link #NO_RESPONSE} when the connection was closed instead
 * @param errorCode the CI error code answered, null on success
 * @param time      when the request arrived, by the emulator's clock
 */
public record RecordedRequest(String requestId, String method, String path, String rawQuery, Map<String, String> params,
                              Map<String, String> headers, int status, String errorCode, Instant time) {

    /** {@link #status()} of a request whose connection was closed without any response. */
    public static final int NO_RESPONSE = 0;

    @Override
    public String toString() {
        return method + " " + path + (rawQuery != null ? "?" + rawQuery : "") + " -> " + status
                + (errorCode != null ? " " + errorCode : "");
    }
}
