package io.github.tencentci.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The listing's sibling APIs, on the same host and signed the same way:
 * <ul>
 * <li>{@code GET /inventorytriggerjob/<jobId>} (describe): {@code <Response><RequestId/><JobsDetail/></Response>},
 * or, for an id the store does not hold, {@code <Response><RequestId/><NonExistJobIds>id</NonExistJobIds></Response>}
 * with status 200, as the API reference shows.</li>
 * <li>{@code PUT /inventorytriggerjob/<jobId>?cancel} (cancel): a Submitted, Running or Paused job becomes Cancel,
 * answered with an empty 200. The {@code cancel} parameter may be signed (the Java SDK) or not (the Python SDK).
 * A finished job (Success, Failed, Cancel) is 400 InvalidArgument and an unknown id 400 ResourceNotFound: the
 * service's documents are silent on both, so these are the emulator's choices of the closest documented codes.</li>
 * <li>{@code POST /inventorytriggerjob} with {@code <Request><Name/><Type/><Input/><Operation/></Request>} (trigger):
 * a new Submitted job in the store (live mode then runs it like any other), answered with its {@code JobsDetail}.
 * 400 MissingContent for no body, InvalidContent for a body that is not such XML, InvalidArgument naming the
 * element for a missing or invalid field.</li>
 * </ul>
 * Kept apart from the listing so that each API reads on its own; {@link EmulatorHandler} routes, checks the
 * signature and takes the scripted fault for both.
 */
final class JobOperations {

    static final String JOB_PATH_PREFIX = EmulatorHandler.LISTING_PATH + "/";
    static final String CANCEL_PARAMETER = "cancel";
    /** States a job can be cancelled from; the others are finished. */
    static final Set<String> CANCELLABLE = Set.of("Submitted", "Running", "Pause");

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final JobStore jobs;
    private final Clock clock;

    JobOperations(JobStore jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** @return whether this request is for one of the job operations rather than the listing */
    static boolean serves(IncomingRequest request) {
        return request.path().startsWith(JOB_PATH_PREFIX)
                || EmulatorHandler.LISTING_PATH.equals(request.path()) && "POST".equals(request.method());
    }

    /**
     * The request as the signature check must see it: a {@code cancel} parameter the client did not sign (the
     * Python SDK appends {@code ?cancel} to the path and signs no parameter) is left out, so both SDKs' forms pass.
     * Every other parameter is checked as for the listing.
     */
    static IncomingRequest asSigned(IncomingRequest request) {
        if (!request.params().containsKey(CANCEL_PARAMETER) || signedParameters(request).contains(CANCEL_PARAMETER)) {
            return request;
        }
        Map<String, String> params = new LinkedHashMap<>(request.params());
        params.remove(CANCEL_PARAMETER);
        return new IncomingRequest(request.method(), request.path(), request.rawQuery(), Map.copyOf(params),
                request.headers(), request.malformedQuery());
    }

    private static Set<String> signedParameters(IncomingRequest request) {
        String authorization = request.headers().getOrDefault("authorization", "");
        for (String field : authorization.split("&")) {
            if (field.startsWith("q-url-param-list=")) {
                String list = field.substring("q-url-param-list=".length()).toLowerCase(Locale.ROOT);
                return list.isEmpty() ? Set.of() : Set.of(list.split(";"));
            }
        }
        return Set.of();
    }

    /** Answers a request {@link #serves(IncomingRequest)} accepted, signature already checked. */
    void serve(IncomingRequest request, byte[] body, Reply reply, Fault fault) throws IOException {
        if (fault != null) {
            switch (fault.kind()) {
                case ERROR -> {
                    reply.error(new CiError(fault.status(), fault.code(), fault.message()), fault.duration());
                    return;
                }
                case CLOSE_CONNECTION -> {
                    reply.noResponse();
                    return;
                }
                case MALFORMED_XML -> {
                    send(reply, ("<Response>\n<RequestId>" + reply.requestId() + "</RequestId>\n<JobsDetail>\n"
                            + "<JobId>broken</JobsDetail>").getBytes(StandardCharsets.UTF_8));
                    return;
                }
                case DELAY -> sleep(fault);
                case CUT_MID_BODY -> {
                    reply.cutMidBody(answer(request, body, reply.requestId()));
                    return;
                }
            }
        }
        send(reply, answer(request, body, reply.requestId()));
    }

    private byte[] answer(IncomingRequest request, byte[] body, String requestId) {
        if (EmulatorHandler.LISTING_PATH.equals(request.path())) {
            return response(requestId, trigger(body).toXml());
        }
        String jobId = request.path().substring(JOB_PATH_PREFIX.length());
        if (jobId.isEmpty() || jobId.contains("/")) {
            throw new CiError(404, "InvalidUrl", "no API at path '" + request.path() + "'; a job's path is "
                    + JOB_PATH_PREFIX + "<jobId>");
        }
        return switch (request.method()) {
            case "GET" -> describe(jobId, requestId);
            case "PUT" -> cancel(jobId, request);
            default -> throw new CiError(405, "MethodNotAllowed", "method " + request.method() + " is not allowed on "
                    + JOB_PATH_PREFIX + "<jobId>; use GET to describe the job or PUT ?cancel to cancel it");
        };
    }

    private byte[] describe(String jobId, String requestId) {
        return jobs.get(jobId).map(job -> response(requestId, job.toXml()))
                .orElseGet(() -> response(requestId, "<NonExistJobIds>" + XmlText.escape(jobId) + "</NonExistJobIds>\n"));
    }

    private byte[] cancel(String jobId, IncomingRequest request) {
        if (!request.params().containsKey(CANCEL_PARAMETER)) {
            throw CiError.invalidArgument("PUT " + request.path() + " needs the query parameter '" + CANCEL_PARAMETER
                    + "' (PUT " + JOB_PATH_PREFIX + "<jobId>?cancel cancels the job)");
        }
        EmulatedJob before = jobs.transition(jobId, CANCELLABLE, "Cancel");
        if (before == null) {
            throw new CiError(400, "ResourceNotFound", "job '" + jobId + "' does not exist");
        }
        if (!CANCELLABLE.contains(before.state())) {
            throw CiError.invalidArgument("job '" + jobId + "' is " + before.state() + " and cannot be cancelled;"
                    + " only a Submitted, Running or Pause job can");
        }
        return new byte[0];
    }

    private EmulatedJob trigger(byte[] body) {
        TriggerRequest request = TriggerRequest.parse(body);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(CHINA).withNano(0);
        String jobId = "b" + UUID.randomUUID().toString().replace("-", "");
        return jobs.add(request.toJob(jobId, now));
    }

    private static byte[] response(String requestId, String inner) {
        return ("<Response>\n<RequestId>" + XmlText.escape(requestId) + "</RequestId>\n" + inner + "</Response>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(Reply reply, byte[] bytes) throws IOException {
        reply.ok(bytes);
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.duration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
