package io.github.tencentci.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /inventorytriggerjob}: route, signature, scripted fault, then the page. Everything else is a
 * CI error: 404 InvalidUrl for other paths, 405 MethodNotAllowed for other methods.
 */
final class EmulatorHandler implements HttpHandler {

    static final String LISTING_PATH = "/inventorytriggerjob";

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);

    private final JobStore jobs;
    private final FaultScript faults;
    private final RequestLog log;
    private final SignatureVerifier verifier;
    private final Clock clock;
    private final RequestIds ids;

    /** @param verifier null when signatures are not checked */
    EmulatorHandler(JobStore jobs, FaultScript faults, RequestLog log, SignatureVerifier verifier, Clock clock) {
        this.jobs = jobs;
        this.faults = faults;
        this.log = log;
        this.verifier = verifier;
        this.clock = clock;
        this.ids = new RequestIds(clock);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrival = clock.instant();
        IncomingRequest request = IncomingRequest.of(exchange);
        Reply reply = new Reply(exchange, request, arrival, log, ids);
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream()); // so the connection can be reused
            serve(request, reply);
        } catch (CiError e) {
            reply.error(e, null);
        } catch (IOException e) {
            LOG.debug("Client went away during {} {}: {}", request.method(), request.path(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Emulator failed on {} {}", request.method(), request.path(), e);
            reply.error(new CiError(500, "InternalError", "the emulator failed: " + e), null);
        } finally {
            exchange.close();
        }
    }

    private void serve(IncomingRequest request, Reply reply) throws IOException {
        if (!LISTING_PATH.equals(request.path())) {
            throw new CiError(404, "InvalidUrl", "no API at path '" + request.path() + "'; this emulator serves GET "
                    + LISTING_PATH);
        }
        if (!"GET".equals(request.method())) {
            throw new CiError(405, "MethodNotAllowed", "method " + request.method() + " is not allowed on "
                    + LISTING_PATH + "; use GET");
        }
        if (request.malformedQuery() != null) {
            throw CiError.invalidArgument(request.malformedQuery());
        }
        if (verifier != null) {
            verifier.verify(request, clock.instant());
        }
        Fault fault = faults.next();
        if (fault == null) {
            ListingPage page = page(request, reply);
            reply.ok(page.contentLength(), page::writeTo);
            return;
        }
        switch (fault.kind()) {
            case ERROR -> reply.error(new CiError(fault.status(), fault.code(), fault.message()), fault.duration());
            case DELAY -> {
                sleep(fault);
                ListingPage page = page(request, reply);
                reply.ok(page.contentLength(), page::writeTo);
            }
            case CUT_MID_BODY -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                page(request, reply).writeTo(body);
                reply.cutMidBody(body.toByteArray());
            }
            case CLOSE_CONNECTION -> reply.noResponse();
            case MALFORMED_XML -> {
                byte[] broken = ("<Response>\n<RequestId>" + reply.requestId()
                        + "</RequestId>\n<JobsDetail>\n<JobId>broken</JobsDetail>\n<NextToken>")
                        .getBytes(StandardCharsets.UTF_8);
                reply.ok(broken.length, out -> out.write(broken));
            }
        }
    }

    private ListingPage page(IncomingRequest request, Reply reply) {
        ListingRequest listing = ListingRequest.parse(request.params());
        EmulatedJob[] view = jobs.view(listing.query());
        int offset = offset(listing.nextToken(), view.length);
        int end = Math.min(offset + listing.size(), view.length);
        String next = "";
        if (end < view.length) {
            boolean duplicate = faults.duplicatesAcrossPages() && end - offset > 1;
            next = Integer.toString(duplicate ? end - 1 : end);
        }
        if (faults.repeatsNextToken()) {
            next = listing.nextToken() != null ? listing.nextToken() : next.isEmpty() ? Integer.toString(end) : next;
        }
        return new ListingPage(reply.requestId(), view, offset, end, next);
    }

    /** The token is the offset into the query's sorted view, as the real service's "25" suggests. */
    private static int offset(String nextToken, int total) {
        if (nextToken == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(nextToken);
            if (offset >= 0 && offset <= total) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // falls through to the common message
        }
        throw CiError.invalidArgument("nextToken '" + nextToken + "' is not a token this listing issued"
                + " (send the NextToken of the previous page unchanged, with the same filters)");
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.duration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
