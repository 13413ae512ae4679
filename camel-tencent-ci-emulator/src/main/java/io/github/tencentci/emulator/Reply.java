package io.github.tencentci.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one exchange the way CI does (Content-Type, {@code x-ci-request-id}, {@code x-ci-trace-id} on failures,
 * CI error bodies) and records the answer in the {@link RequestLog} before sending it, so a client that has the
 * response also finds the request in the log.
 */
final class Reply {

    private static final Logger LOG = LoggerFactory.getLogger(Reply.class);

    private final HttpExchange exchange;
    private final IncomingRequest request;
    private final String requestId;
    private final Instant arrival;
    private final RequestLog log;
    private final RequestIds ids;

    Reply(HttpExchange exchange, IncomingRequest request, Instant arrival, RequestLog log, RequestIds ids) {
        this.exchange = exchange;
        this.request = request;
        this.requestId = ids.requestId();
        this.arrival = arrival;
        this.log = log;
        this.ids = ids;
    }

    String requestId() {
        return requestId;
    }

    void ok(byte[] body) throws IOException {
        send(200, null, body);
    }

    void error(CiError error, Duration retryAfter) throws IOException {
        String traceId = ids.traceId();
        byte[] body = ("<Error>\n<Code>" + XmlText.escape(error.code()) + "</Code>\n<Message>"
                + XmlText.escape(error.getMessage()) + "</Message>\n<RequestId>" + requestId + "</RequestId>\n<TraceId>"
                + traceId + "</TraceId>\n</Error>\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-ci-trace-id", traceId);
        if (retryAfter != null) {
            long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        }
        if (error.status() == 405) {
            exchange.getResponseHeaders().set("Allow", "GET");
        }
        send(error.status(), error.code(), body);
    }

    /** Sends the headers with the full length of {@code body} but only its first half, then drops the connection. */
    void cutMidBody(byte[] body) throws IOException {
        headers();
        record(200, null);
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // Closing with bytes missing makes the JDK server drop the connection instead of reusing it.
        exchange.close();
    }

    /** Closes the connection without sending anything. */
    void noResponse() {
        record(RecordedRequest.NO_RESPONSE, null);
        // Before sendResponseHeaders, HttpExchange#close closes the raw connection.
        exchange.close();
    }

    private void send(int status, String errorCode, byte[] body) throws IOException {
        headers();
        record(status, errorCode);
        // For the JDK server 0 means "chunked, length unknown"; -1 is an empty body with Content-Length: 0.
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void record(int status, String errorCode) {
        RecordedRequest recorded = new RecordedRequest(requestId, request.method(), request.path(),
                request.rawQuery(), request.params(), request.headers(), status, errorCode, arrival);
        log.record(recorded);
        LOG.debug("{} ({})", recorded, requestId);
    }

    private void headers() {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/xml");
        headers.set("Server", "tencent-ci");
        headers.set("x-ci-request-id", requestId);
    }
}
