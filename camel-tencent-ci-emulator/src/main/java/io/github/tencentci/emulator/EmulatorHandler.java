package io.github.tencentci.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /inventorytriggerjob}: route, signature, scripted fault, then the page; the sibling job APIs
 * (describe, cancel, trigger) go through the same route and signature check to {@link JobOperations}. Everything
 * else is a CI error: 404 InvalidUrl for other paths, 405 MethodNotAllowed for other methods.
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
    private final JobOperations jobOperations;

    /** @param verifier null when signatures are not checked */
    EmulatorHandler(JobStore jobs, FaultScript faults, RequestLog log, SignatureVerifier verifier, Clock clock) {
        this.jobs = jobs;
        this.faults = faults;
        this.log = log;
        this.verifier = verifier;
        this.clock = clock;
        this.ids = new RequestIds(clock);
        this.jobOperations = new JobOperations(jobs, clock);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant arrival = clock.instant();
        IncomingRequest request = IncomingRequest.of(exchange);
        Reply reply = new Reply(exchange, request, arrival, log, ids);
        try (InputStream body = exchange.getRequestBody()) {
            byte[] content = body.readAllBytes(); // all of it, so the connection can be reused
            serve(request, content, reply);
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

    private void serve(IncomingRequest request, byte[] content, Reply reply) throws IOException {
        boolean jobOperation = JobOperations.serves(request);
        if (!jobOperation && !LISTING_PATH.equals(request.path())) {
            throw new CiError(404, "InvalidUrl", "no API at path '" + request.path() + "'; this emulator serves "
                    + LISTING_PATH + " and " + LISTING_PATH + "/<jobId>");
        }
        if (!jobOperation && !"GET".equals(request.method())) {
            throw new CiError(405, "MethodNotAllowed", "method " + request.method() + " is not allowed on "
                    + LISTING_PATH + "; use GET to list jobs or POST to trigger one");
        }
        if (request.malformedQuery() != null) {
            throw CiError.invalidArgument(request.malformedQuery());
        }
        if (verifier != null) {
            verifier.verify(jobOperation ? JobOperations.asSigned(request) : request, clock.instant());
        }
        Fault fault = faults.next();
        if (jobOperation) {
            jobOperations.serve(request, content, reply, fault);
            return;
        }
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
