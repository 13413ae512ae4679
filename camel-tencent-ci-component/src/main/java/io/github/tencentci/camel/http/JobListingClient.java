package io.github.tencentci.camel.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.tencentci.camel.parsing.CiError;
import io.github.tencentci.camel.parsing.CiErrorParser;
import io.github.tencentci.camel.parsing.JobPage;
import io.github.tencentci.camel.parsing.JobPageParser;
import io.github.tencentci.camel.signing.CosPercentEncoder;
import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Fetches one page of {@code GET /inventorytriggerjob}: builds and signs the request, sends it, and parses the body
 * as it streams in. A non-2xx answer becomes a {@link CiServiceException}; a body that cannot be read completely
 * fails the whole page, so nothing from a half-read page is ever handed on. When the service refuses the signature's
 * time window, the signer's clock is corrected from the response's {@code Date} header and the page is asked for
 * once more ({@link ClockSkewCorrection}).
 */
public final class JobListingClient {

    public static final String PATH = "/inventorytriggerjob";
    static final String OPERATION = "GET " + PATH;
    public static final String SECURITY_TOKEN_HEADER = "x-ci-security-token";
    public static final String REQUEST_ID_HEADER = "x-ci-request-id";
    public static final String TRACE_ID_HEADER = "x-ci-trace-id";

    private final CloseableHttpClient http;
    private final URI baseUri;
    private final String host;
    private final TencentCredentialsProvider credentials;
    private final CosSigner signer;
    private final JobPageParser pageParser;
    private final CiErrorParser errorParser = new CiErrorParser();
    private final ClockSkewCorrection clockCorrection;

    public JobListingClient(
            CloseableHttpClient http, URI baseUri, TencentCredentialsProvider credentials, CosSigner signer,
            JobPageParser pageParser) {
        this.http = http;
        this.baseUri = baseUri;
        this.host = baseUri.getRawAuthority();
        this.credentials = credentials;
        this.signer = signer;
        this.pageParser = pageParser;
        this.clockCorrection = new ClockSkewCorrection(signer);
    }

    public CosSigner getSigner() {
        return signer;
    }

    /**
     * Lists one page.
     *
     * @param nextToken the token of the page to fetch, {@code null} for the first
     */
    public JobPage listJobs(JobListingQuery query, String nextToken) throws IOException {
        Map<String, String> parameters = query.parameters(nextToken);
        try {
            return send(parameters);
        } catch (CiServiceException refused) {
            if (!clockCorrection.correct(refused)) {
                throw refused;
            }
            return send(parameters); // once: a second refusal is not a clock problem this correction can fix
        }
    }

    private JobPage send(Map<String, String> parameters) throws IOException {
        HttpGet request = new HttpGet(URI.create(baseUri + PATH + rawQuery(parameters)));
        sign(request, parameters);
        return http.execute(request, this::handle);
    }

    /** How often the signer's clock was corrected from the service's Date header. */
    public long getClockCorrections() {
        return clockCorrection.count();
    }

    private void sign(HttpGet request, Map<String, String> parameters) {
        TencentCredentials current = credentials.getCredentials();
        Map<String, String> signedHeaders = new LinkedHashMap<>(4);
        signedHeaders.put("host", host);
        request.setHeader("Host", host);
        if (current.getSessionToken() != null) {
            signedHeaders.put(SECURITY_TOKEN_HEADER, current.getSessionToken());
            request.setHeader(new SecretHeader(SECURITY_TOKEN_HEADER, current.getSessionToken()));
        }
        request.setHeader(new SecretHeader(
                "Authorization", signer.authorization(current, "GET", PATH, parameters, signedHeaders)));
    }

    /** Encodes exactly as the signer does, so the service sees on the wire what was signed. */
    static String rawQuery(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder(128).append('?');
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(CosPercentEncoder.encode(e.getKey())).append('=').append(CosPercentEncoder.encode(e.getValue()));
        }
        return query.toString();
    }

    private JobPage handle(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status >= 200 && status < 300) {
            if (entity == null) {
                throw new IOException(OPERATION + " answered HTTP " + status + " without a body");
            }
            try (InputStream body = entity.getContent()) {
                JobPage page = pageParser.parse(body);
                if (page.requestId() == null) {
                    return new JobPage(header(response, REQUEST_ID_HEADER), page.jobs(), page.nextToken());
                }
                return page;
            }
        }
        CiError error = entity == null ? CiError.empty() : errorOf(entity);
        throw new CiServiceException(
                OPERATION, status, error.code(), error.message(),
                error.requestId() != null ? error.requestId() : header(response, REQUEST_ID_HEADER),
                error.traceId() != null ? error.traceId() : header(response, TRACE_ID_HEADER),
                retryAfter(response), header(response, "Date"));
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
