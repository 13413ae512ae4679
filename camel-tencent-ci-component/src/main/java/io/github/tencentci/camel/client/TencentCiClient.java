package io.github.tencentci.camel.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.tencentci.camel.http.CiHttpClientFactory;
import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.camel.http.SecretHeader;
import io.github.tencentci.camel.model.JobRequest;
import io.github.tencentci.camel.parsing.CiError;
import io.github.tencentci.camel.parsing.CiErrorParser;
import io.github.tencentci.camel.parsing.JobAnswer;
import io.github.tencentci.camel.parsing.JobPage;
import io.github.tencentci.camel.parsing.JobPageParser;
import io.github.tencentci.camel.parsing.MalformedResponseException;
import io.github.tencentci.camel.signing.CosPercentEncoder;
import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * A client of the CI batch-job API, free of Camel: it builds and signs each request, sends it over HttpClient 5 and
 * reads the answer as it streams in. One signer, one HTTP client, one way of turning a refusal into a
 * {@link CiServiceException} serve every operation: {@link #listJobs}, and the operations on single jobs
 * {@link #describeJob}, {@link #cancelJob} and {@link #triggerJob}. Each call is one attempt (with at most one
 * resend after a clock correction); retrying throttled calls is the caller's choice, with
 * {@link io.github.tencentci.camel.http.ThrottleRetry}.
 * <p>
 * A body that cannot be read completely fails the whole call, so nothing half-read is ever handed on. When the
 * service refuses the signature's time window, the signer's clock is corrected from the response's {@code Date}
 * header and the request is sent once more ({@link ClockSkewCorrection}). Thread-safe.
 */
public final class TencentCiClient implements Closeable {

    public static final String JOBS_PATH = "/inventorytriggerjob";
    public static final String REQUEST_ID_HEADER = "x-ci-request-id";
    public static final String TRACE_ID_HEADER = "x-ci-trace-id";
    /** The parameter that makes a PUT on a job a cancellation; signed, as the Java SDK does. */
    static final String CANCEL_PARAMETER = "cancel";

    /** Reads a 2xx answer of one operation. */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(ClassicHttpResponse response, HttpEntity entity) throws IOException;
    }

    private final CloseableHttpClient http;
    private final boolean ownsHttp;
    private final URI baseUri;
    private final String host;
    private final TencentCredentialsProvider credentials;
    private final CosSigner signer = new CosSigner();
    private final JobPageParser pageParser = new JobPageParser();
    private final CiErrorParser errorParser = new CiErrorParser();
    private final ClockSkewCorrection clockCorrection = new ClockSkewCorrection(signer);

    /**
     * A client on an HTTP client that someone else owns: {@link #close()} leaves it open.
     *
     * @param baseUri     the service's base URL, see {@link #baseUri(String, String)}
     * @param host        the Host header to send and sign: the authority of {@code baseUri}, or the bucket's CI domain
     *                    when {@code baseUri} is a private address of the service
     * @param credentials asked before every request
     */
    public TencentCiClient(CloseableHttpClient http, URI baseUri, String host, TencentCredentialsProvider credentials) {
        this(http, false, baseUri, host, credentials);
    }

    private TencentCiClient(CloseableHttpClient http, boolean ownsHttp, URI baseUri, String host,
                            TencentCredentialsProvider credentials) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.baseUri = baseUri;
        this.host = host;
        this.credentials = credentials;
    }

    /** A client with its own pooled HTTP client, built from {@code settings} and closed with this client. */
    public static TencentCiClient create(URI baseUri, String host, TencentCredentialsProvider credentials,
                                         CiHttpClientFactory.HttpSettings settings) {
        return new TencentCiClient(CiHttpClientFactory.create(settings), true, baseUri, host, credentials);
    }

    /** The CI domain of a bucket: {@code https://<bucket>.ci.<region>.myqcloud.com}. */
    public static URI baseUri(String bucket, String region) {
        return URI.create("https://" + bucket + ".ci." + region + ".myqcloud.com");
    }

    public URI getBaseUri() {
        return baseUri;
    }

    public CosSigner getSigner() {
        return signer;
    }

    /** How often the signer's clock was corrected from the service's Date header. */
    public long getClockCorrections() {
        return clockCorrection.count();
    }

    /**
     * Lists one page of {@code GET /inventorytriggerjob}.
     *
     * @param nextToken the token of the page to fetch, {@code null} for the first
     */
    public JobPage listJobs(JobListingQuery query, String nextToken) throws IOException {
        return call("GET", JOBS_PATH, query.parameters(nextToken), null, (response, entity) -> {
            try (InputStream body = body("GET " + JOBS_PATH, response, entity)) {
                JobPage page = pageParser.parse(body);
                return page.requestId() != null
                        ? page : new JobPage(header(response, REQUEST_ID_HEADER), page.jobs(), page.nextToken());
            }
        });
    }

    /**
     * Describes one job: {@code GET /inventorytriggerjob/<jobId>}.
     *
     * @throws NoSuchJobException when the service names the id in {@code NonExistJobIds}
     */
    public JobAnswer describeJob(String jobId) throws IOException {
        String path = jobPath(jobId);
        JobAnswer answer = call("GET", path, Map.of(), null, (response, entity) -> answer("GET " + path, response, entity));
        if (answer.job() == null) {
            throw new NoSuchJobException("GET " + path, answer.nonExistJobIds().isEmpty() ? jobId
                    : String.join(",", answer.nonExistJobIds()), answer.requestId());
        }
        return answer;
    }

    /**
     * Cancels one job: {@code PUT /inventorytriggerjob/<jobId>?cancel}, no body.
     *
     * @return the RequestId of the answer, may be {@code null}
     */
    public String cancelJob(String jobId) throws IOException {
        String path = jobPath(jobId);
        return call("PUT", path, Map.of(CANCEL_PARAMETER, ""), null, (response, entity) -> {
            if (entity != null) {
                EntityUtils.consume(entity); // documented as empty; whatever came is not needed
            }
            return header(response, REQUEST_ID_HEADER);
        });
    }

    /**
     * Submits the job {@code request} describes, written as {@code <Request>} XML with JAXB; see
     * {@link JobRequest#resubmitting} to submit a listed job again.
     *
     * @return the answer holding the new job
     */
    public JobAnswer triggerJob(JobRequest request) throws IOException {
        return triggerJob(JobRequestWriter.write(request));
    }

    /**
     * Submits a job: {@code POST /inventorytriggerjob} with {@code requestXml}, the {@code <Request>} document, sent as
     * it is.
     *
     * @return the answer holding the new job
     */
    public JobAnswer triggerJob(byte[] requestXml) throws IOException {
        String operation = "POST " + JOBS_PATH;
        JobAnswer answer = call("POST", JOBS_PATH, Map.of(),
                new ByteArrayEntity(requestXml, ContentType.create("application/xml")),
                (response, entity) -> answer(operation, response, entity));
        if (answer.job() == null) {
            throw new MalformedResponseException(operation + " answered without the new job's JobsDetail (RequestId="
                                                 + answer.requestId() + ")");
        }
        return answer;
    }

    private JobAnswer answer(String operation, ClassicHttpResponse response, HttpEntity entity) throws IOException {
        try (InputStream body = body(operation, response, entity)) {
            JobAnswer answer = pageParser.parseAnswer(body);
            return answer.requestId() != null
                    ? answer : new JobAnswer(header(response, REQUEST_ID_HEADER), answer.job(), answer.nonExistJobIds());
        }
    }

    private static InputStream body(String operation, ClassicHttpResponse response, HttpEntity entity) throws IOException {
        if (entity == null) {
            throw new IOException(operation + " answered HTTP " + response.getCode() + " without a body");
        }
        return entity.getContent();
    }

    /** The path of one job, decoded (as it is signed); {@link #send} encodes it for the wire. */
    static String jobPath(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("a job id is required, was " + (jobId == null ? "null" : "blank"));
        }
        return JOBS_PATH + "/" + jobId;
    }

    /** Sends one signed request, once more after a clock correction; a non-2xx answer is a {@link CiServiceException}. */
    private <T> T call(String method, String path, Map<String, String> parameters, HttpEntity content,
                       AnswerReader<T> reader) throws IOException {
        try {
            return send(method, path, parameters, content, reader);
        } catch (CiServiceException refused) {
            if (!clockCorrection.correct(refused)) {
                throw refused;
            }
            return send(method, path, parameters, content, reader); // once: a second refusal is not a clock problem
        }
    }

    /** @param content the request body, repeatable, or {@code null} */
    private <T> T send(String method, String path, Map<String, String> parameters, HttpEntity content,
                       AnswerReader<T> reader) throws IOException {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method)
                .setUri(URI.create(baseUri + rawPath(path) + rawQuery(parameters)));
        if (content != null) {
            request.setEntity(content);
        }
        sign(request, method, path, parameters);
        return http.execute(request.build(), response -> {
            int status = response.getCode();
            HttpEntity entity = response.getEntity();
            if (status >= 200 && status < 300) {
                return reader.read(response, entity);
            }
            CiError error = entity == null ? CiError.empty() : errorOf(entity);
            throw new CiServiceException(
                    method + " " + path, status, error.code(), error.message(),
                    error.requestId() != null ? error.requestId() : header(response, REQUEST_ID_HEADER),
                    error.traceId() != null ? error.traceId() : header(response, TRACE_ID_HEADER),
                    retryAfter(response), header(response, "Date"));
        });
    }

    private void sign(ClassicRequestBuilder request, String method, String path, Map<String, String> parameters) {
        TencentCredentials current = credentials.getCredentials();
        Map<String, String> signedHeaders = new LinkedHashMap<>(4);
        signedHeaders.put("host", host);
        request.setHeader("Host", host);
        if (current.getSessionToken() != null) {
            signedHeaders.put(SecretHeader.SECURITY_TOKEN, current.getSessionToken());
            request.setHeader(new SecretHeader(SecretHeader.SECURITY_TOKEN, current.getSessionToken()));
        }
        request.setHeader(new SecretHeader(
                "Authorization", signer.authorization(current, method, path, parameters, signedHeaders)));
    }

    @Override
    public void close() throws IOException {
        if (ownsHttp) {
            http.close();
        }
    }

    /** Encodes each segment of a decoded path as the signer encodes, keeping the slashes. */
    static String rawPath(String path) {
        StringBuilder raw = new StringBuilder(path.length() + 16);
        for (String segment : path.split("/", -1)) {
            if (raw.length() > 0 || !segment.isEmpty()) {
                raw.append('/');
            }
            raw.append(CosPercentEncoder.encode(segment));
        }
        return raw.toString();
    }

    /**
     * Encodes exactly as the signer does, so the service sees on the wire what was signed. A parameter without a
     * value is written as its name alone ({@code ?cancel}), as the API documents it.
     */
    static String rawQuery(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder(128).append('?');
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(CosPercentEncoder.encode(e.getKey()));
            if (!e.getValue().isEmpty()) {
                query.append('=').append(CosPercentEncoder.encode(e.getValue()));
            }
        }
        return query.toString();
    }

    private CiError errorOf(HttpEntity entity) {
        try (InputStream body = entity.getContent()) {
            return errorParser.parse(body);
        } catch (IOException e) {
            return CiError.empty(); // a broken error body must not hide the status that came with it
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(ClassicHttpResponse response) {
        String value = header(response, "Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                String date = header(response, "Date");
                ZonedDateTime now = date != null
                        ? ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME) : ZonedDateTime.now();
                Duration delay = Duration.between(now, at);
                return delay.isNegative() ? Duration.ZERO : delay;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
