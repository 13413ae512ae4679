package io.github.tencentci.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

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
    private final NextTokens tokens = new NextTokens();
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
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.ERROR) {
            reply.error(new CiError(fault.status(), fault.code(), fault.message()), fault.duration());
        } else if (kind == Fault.Kind.CLOSE_CONNECTION) {
            reply.noResponse();
        } else if (kind == Fault.Kind.MALFORMED_XML) {
            byte[] broken = ("<Response>\n<RequestId>" + reply.requestId()
                    + "</RequestId>\n<JobsDetail>\n<JobId>broken</JobsDetail>\n<NextToken>").getBytes(StandardCharsets.UTF_8);
            reply.ok(broken);
        } else {
            if (kind == Fault.Kind.DELAY) {
                sleep(fault);
            }
            byte[] page = page(request.params(), reply.requestId());
            if (kind == Fault.Kind.CUT_MID_BODY) {
                reply.cutMidBody(page);
            } else {
                reply.ok(page);
            }
        }
    }

    /** {@code <Response><RequestId/><JobsDetail/>*<NextToken/></Response>}, from the jobs' pre-rendered XML. */
    private byte[] page(Map<String, String> params, String requestId) throws IOException {
        JobQuery query = JobQuery.parse(params);
        int size = JobQuery.size(params);
        String token = JobQuery.value(params, "nextToken");
        EmulatedJob[] view = jobs.view(query);
        int from = token == null ? 0 : query.firstAfter(view, tokens.position(token));
        int end = Math.min(from + size, view.length);
        String next = "";
        if (end < view.length) {
            // duplicateAcrossPages: the cursor stops one job short, so the next page starts with this page's last
            next = tokens.after(view[faults.duplicatesAcrossPages() && end - from > 1 ? end - 2 : end - 1]);
        }
        if (faults.repeatsNextToken() && end > from) {
            next = token != null ? token : tokens.after(view[end - 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + (end - from) * 1024);
        out.write(("<Response>\n<RequestId>" + requestId + "</RequestId>\n").getBytes(StandardCharsets.UTF_8));
        for (int i = from; i < end; i++) {
            out.write(view[i].xmlBytes());
        }
        out.write(("<NextToken>" + next + "</NextToken>\n</Response>\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.duration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
