package io.github.tencentci.camel;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.tencentci.camel.client.JobListingQuery;
import io.github.tencentci.camel.client.JobState;
import io.github.tencentci.camel.client.JobType;
import io.github.tencentci.camel.client.OrderByTime;
import io.github.tencentci.camel.client.TencentCiClient;
import io.github.tencentci.camel.http.HttpClientConfigurer;
import io.github.tencentci.camel.http.RetryPolicy;
import io.github.tencentci.camel.model.CiTimeFormat;
import io.github.tencentci.camel.signing.EnvironmentCredentialsProvider;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The options shared by the {@code tencent-ci} component and its endpoints. The component holds one instance; every
 * endpoint works on its own copy.
 */
@UriParams
public class TencentCiConfiguration implements Cloneable {

    private static final Pattern PLUS_DECODED_AS_SPACE = Pattern.compile("(T\\d{2}:\\d{2}:\\d{2}) (\\d{2}:?\\d{2})$");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]*-\\d+");
    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z0-9]+)+");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");

    @UriParam(label = "common")
    private String bucket;
    @UriParam(label = "common")
    private String region;
    @UriParam(label = "common")
    private String endpoint;
    @UriParam(label = "common")
    private String hostHeader;

    @UriParam(label = "security", secret = true)
    private String secretId;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security", secret = true)
    private String sessionToken;
    @UriParam(label = "security")
    private TencentCredentialsProvider credentialsProvider;

    @UriParam(label = "filter", defaultValue = "100")
    private int size = 100;
    @UriParam(label = "filter")
    private JobType type;
    @UriParam(label = "filter")
    private OrderByTime orderByTime;
    @UriParam(label = "filter", javaType = "java.lang.String")
    private Set<JobState> states = Set.of();
    @UriParam(label = "filter", javaType = "java.lang.String")
    private OffsetDateTime startCreationTime;
    @UriParam(label = "filter", javaType = "java.lang.String")
    private OffsetDateTime endCreationTime;
    @UriParam(label = "filter")
    private String workflowId;
    @UriParam(label = "filter")
    private String jobId;
    @UriParam(label = "filter")
    private String name;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long responseTimeout = 30_000;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https")
    private String proxyScheme = "http";
    @UriParam(label = "proxy", secret = true)
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true)
    private String proxyPassword;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;
    @UriParam(label = "advanced")
    private CloseableHttpClient httpClient;
    @UriParam(label = "advanced", defaultValue = "3")
    private int retryAttempts = RetryPolicy.DEFAULT_ATTEMPTS;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration")
    private long retryBaseDelay = RetryPolicy.DEFAULT_BASE_DELAY.toMillis();
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryAfter = RetryPolicy.DEFAULT_MAX_RETRY_AFTER.toMillis();
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long retryBudget = RetryPolicy.DEFAULT_BUDGET.toMillis();

    public String getBucket() {
        return bucket;
    }

    /** The bucket bound to CI, as BucketName-APPID, e.g. examplebucket-1250000000. */
    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getRegion() {
        return region;
    }

    /** The region of the bucket, e.g. ap-chongqing. */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * A base URL that replaces the bucket's CI domain (https://BucketName-APPID.ci.Region.myqcloud.com), e.g.
     * http://127.0.0.1:8080 for an emulator or a private endpoint. The Host header and the signature follow it unless
     * hostHeader is set.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getHostHeader() {
        return hostHeader;
    }

    /**
     * The Host header to send and sign, when endpoint is an address the service does not answer to by name (a private
     * or VPC address, a gateway, a proxy by IP) while it still expects the bucket's CI domain, e.g.
     * examplebucket-1250000000.ci.ap-chongqing.myqcloud.com. Defaults to the host and port of endpoint when that is
     * set, else to the bucket's CI domain.
     */
    public void setHostHeader(String hostHeader) {
        this.hostHeader = hostHeader;
    }

    public String getSecretId() {
        return secretId;
    }

    /** The SecretId of the Tencent Cloud API key. */
    public void setSecretId(String secretId) {
        this.secretId = secretId;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** The SecretKey of the Tencent Cloud API key. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    /** The session token of temporary (STS) credentials; sent signed in x-ci-security-token. */
    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public TencentCredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    /** A provider of credentials, consulted before every request, e.g. one that refreshes STS credentials. */
    public void setCredentialsProvider(TencentCredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public int getSize() {
        return size;
    }

    /** How many jobs one page lists, 1 to 100. */
    public void setSize(int size) {
        this.size = size;
    }

    public JobType getType() {
        return type;
    }

    /** List only jobs of this type: Workflow or Job. Unset, the service's default applies. */
    public void setType(JobType type) {
        this.type = type;
    }

    public OrderByTime getOrderByTime() {
        return orderByTime;
    }

    /** Order of the listing by creation time: Asc or Desc (the service's default). */
    public void setOrderByTime(OrderByTime orderByTime) {
        this.orderByTime = orderByTime;
    }

    public Set<JobState> getStates() {
        return states;
    }

    /**
     * List only jobs in these states, comma separated: All (the service's default), Submitted, Running, Success,
     * Failed, Pause, Cancel; any case.
     */
    public void setStates(String states) {
        Set<JobState> parsed = new LinkedHashSet<>();
        for (String state : states == null ? new String[0] : states.split(",")) {
            if (!state.isBlank()) {
                parsed.add(Stream.of(JobState.values()).filter(s -> s.name().equalsIgnoreCase(state.trim())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("states '" + state.trim() + "' is not allowed: use"
                                                                        + " a comma-separated list of " + List.of(JobState.values()))));
            }
        }
        this.states = Collections.unmodifiableSet(parsed);
    }

    public OffsetDateTime getStartCreationTime() {
        return startCreationTime;
    }

    /**
     * List only jobs created at or after this time: as the API writes times, with the offset as four digits after a
     * plus or minus sign, or as ISO-8601 such as 2024-12-31T04:00:00Z.
     */
    public void setStartCreationTime(String startCreationTime) {
        this.startCreationTime = parseTime("startCreationTime", startCreationTime);
    }

    public OffsetDateTime getEndCreationTime() {
        return endCreationTime;
    }

    /** List only jobs created at or before this time, in the same formats as startCreationTime. */
    public void setEndCreationTime(String endCreationTime) {
        this.endCreationTime = parseTime("endCreationTime", endCreationTime);
    }

    public String getWorkflowId() {
        return workflowId;
    }

    /** List only the jobs of this workflow. */
    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public String getJobId() {
        return jobId;
    }

    /**
     * List only the job with this JobId. For the producer's describeJob and cancelJob, the job to act on when the
     * header CamelTencentCiJobId is not set.
     */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getName() {
        return name;
    }

    /** List only jobs with this name. */
    public void setName(String name) {
        this.name = name;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to the service, in milliseconds or as a duration (10s). */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for data from the service before a page fails, in milliseconds or as a duration. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** Host of an HTTP proxy to reach the service through. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** Port of the HTTP proxy. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    /** Scheme of the HTTP proxy. */
    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /** User name for the HTTP proxy. */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /** Password for the HTTP proxy. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings (trust store, key store, protocols) for HTTPS to the service. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /** A hook that customises the HttpClient 5 builder before the client is built, e.g. to add interceptors. */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    /**
     * A ready HttpClient 5 client to use instead of building one; its owner closes it. Timeouts, proxy and TLS
     * options are then its own.
     */
    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public int getRetryAttempts() {
        return retryAttempts;
    }

    /**
     * How many times one page is requested at most when the service throttles (429 SlowDown) or is unavailable (503),
     * the first request included; 1 disables retries.
     */
    public void setRetryAttempts(int retryAttempts) {
        this.retryAttempts = retryAttempts;
    }

    public long getRetryBaseDelay() {
        return retryBaseDelay;
    }

    /**
     * The delay before the first retry after throttling, doubled for each further retry and jittered, in milliseconds
     * or as a duration.
     */
    public void setRetryBaseDelay(long retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest Retry-After of the service that is honoured; a longer one is cut to this. The exponential delay is
     * capped at the larger of this and retryBaseDelay. In milliseconds or as a duration.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getRetryBudget() {
        return retryBudget;
    }

    /**
     * The most one poll waits in total for retries; a retry that would exceed it is not made and the poll fails. In
     * milliseconds or as a duration.
     */
    public void setRetryBudget(long retryBudget) {
        this.retryBudget = retryBudget;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The base URL of the service: {@link #getEndpoint()} if set, else the bucket's CI domain.
     */
    public URI baseUri() {
        if (endpoint != null && !endpoint.isBlank()) {
            return URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        }
        return TencentCiClient.baseUri(bucket, region);
    }

    /** The Host header to send and sign: {@link #getHostHeader()} if set, else the authority of {@link #baseUri()}. */
    public String host() {
        return hostHeader != null && !hostHeader.isBlank() ? hostHeader.trim() : baseUri().getRawAuthority();
    }

    /** The text filters (name, workflowId, jobId) whose values start or end with white space, e.g. {@code name ' x '}. */
    public List<String> filtersWithOuterSpaces() {
        List<String> spaced = new ArrayList<>();
        for (String[] filter : new String[][] { { "name", name }, { "workflowId", workflowId }, { "jobId", jobId } }) {
            if (filter[1] != null && !filter[1].isEmpty() && !filter[1].equals(filter[1].strip())) {
                spaced.add(filter[0] + " '" + filter[1] + "'");
            }
        }
        return spaced;
    }

    /** The filter options as a query. */
    public JobListingQuery listingQuery() {
        return new JobListingQuery(size, type, orderByTime, states, startCreationTime, endCreationTime, workflowId, jobId, name);
    }

    /**
     * Checks every option, so that a bad URI fails when the endpoint is created, not at the first poll. The message
     * names the option, the value and what is allowed; it never contains a secret.
     *
     * @param credentialsResolvable whether credentials can come from somewhere other than this configuration (the
     *                              environment)
     */
    public void validate(boolean credentialsResolvable) {
        List<String> problems = new ArrayList<>();
        if (endpoint == null || endpoint.isBlank()) {
            if (bucket == null || bucket.isBlank()) {
                problems.add("bucket is required (BucketName-APPID, e.g. examplebucket-1250000000) unless endpoint is set");
            } else if (!BUCKET.matcher(bucket).matches()) {
                problems.add("bucket '" + bucket + "' is not of the form BucketName-APPID, e.g. examplebucket-1250000000");
            }
            if (region == null || region.isBlank()) {
                problems.add("region is required (e.g. ap-chongqing) unless endpoint is set");
            } else if (!REGION.matcher(region).matches()) {
                problems.add("region '" + region + "' is not a Tencent Cloud region name such as ap-chongqing"
                             + (region.indexOf('-') < 0 ? ": did you mean ap-" + region.toLowerCase(java.util.Locale.ROOT)
                                                          + "? (the area prefix is part of the name; it is not added for you)"
                                 : ""));
            }
        } else {
            checkEndpoint(problems);
        }
        if (credentialsProvider == null && !credentialsResolvable) {
            if (secretId == null || secretId.isBlank()) {
                problems.add("secretId is required (or set credentialsProvider, or the environment variable "
                             + EnvironmentCredentialsProvider.ENV_SECRET_ID + ")");
            }
            if (secretKey == null || secretKey.isBlank()) {
                problems.add("secretKey is required (or set credentialsProvider, or the environment variable "
                             + EnvironmentCredentialsProvider.ENV_SECRET_KEY + ")");
            }
        }
        if (size < 1 || size > 100) {
            problems.add("size " + size + " is out of range: allowed 1 to 100");
        }
        if (startCreationTime != null && endCreationTime != null && startCreationTime.isAfter(endCreationTime)) {
            problems.add("startCreationTime " + CiTimeFormat.format(startCreationTime) + " is after endCreationTime "
                         + CiTimeFormat.format(endCreationTime));
        }
        if (connectTimeout <= 0) {
            problems.add("connectTimeout " + connectTimeout + " must be positive");
        }
        if (responseTimeout <= 0) {
            problems.add("responseTimeout " + responseTimeout + " must be positive");
        }
        if (retryAttempts < 1) {
            problems.add("retryAttempts " + retryAttempts + " must be 1 (no retry) or more");
        }
        if (retryBaseDelay < 0) {
            problems.add("retryBaseDelay " + retryBaseDelay + " must be zero or more");
        }
        if (maxRetryAfter < 0) {
            problems.add("maxRetryAfter " + maxRetryAfter + " must be zero or more");
        }
        if (retryBudget < 0) {
            problems.add("retryBudget " + retryBudget + " must be zero or more");
        }
        if (hostHeader != null && !hostHeader.isBlank() && !HOST.matcher(hostHeader.trim()).matches()) {
            problems.add("hostHeader '" + hostHeader + "' must be a host name with an optional port, e.g."
                         + " examplebucket-1250000000.ci.ap-chongqing.myqcloud.com");
        }
        if (proxyHost != null && (proxyPort == null || proxyPort < 1 || proxyPort > 65535)) {
            problems.add("proxyPort " + proxyPort + " must be 1 to 65535 when proxyHost is set");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid tencent-ci options: " + String.join("; ", problems));
        }
    }

    private void checkEndpoint(List<String> problems) {
        try {
            URI uri = baseUri();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.add("endpoint '" + endpoint + "' must be an http or https URL with a host, e.g. http://127.0.0.1:8080");
            } else if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
                problems.add("endpoint '" + endpoint + "' must be a base URL without path or query");
            }
        } catch (IllegalArgumentException e) {
            problems.add("endpoint '" + endpoint + "' is not a URL: " + e.getMessage());
        }
    }

    /** Parses a time option, or returns {@code null} when unset. */
    private static OffsetDateTime parseTime(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // In a Camel URI a literal '+' decodes to a space, so "...12:00:00+0800" arrives as "...12:00:00 0800". A space
        // cannot otherwise stand before an offset, so it is read back as the '+' the user wrote.
        String time = PLUS_DECODED_AS_SPACE.matcher(value.trim()).replaceFirst("$1+$2");
        try {
            return CiTimeFormat.parse(time);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " '" + time + "' is not a time: use 2024-12-31T12:00:00+0800 or"
                                               + " ISO-8601 such as 2024-12-31T12:00:00+08:00 or 2024-12-31T04:00:00Z", e);
        }
    }

    public TencentCiConfiguration copy() {
        try {
            return (TencentCiConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // secrets deliberately left out
        return "TencentCiConfiguration[" + (endpoint != null ? "endpoint=" + endpoint : "bucket=" + bucket + ", region=" + region)
               + ", secretId=" + (secretId != null ? "******" : null) + ", states=" + states + ", size=" + size + "]";
    }
}
