package io.github.tencentci.camel.springboot;

import java.time.Duration;

import io.github.tencentci.camel.TencentCiConfiguration;
import io.github.tencentci.camel.http.HttpClientConfigurer;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Polls the batch jobs of a bucket bound to Tencent Cloud Infinite (CI) and emits one exchange per job record.
 * <p>
 * The {@code camel.component.tencent-ci.*} properties: one for every option of the component (the options of its
 * {@code configuration} flattened, as in Camel's generated starters), each field's Javadoc being the option's
 * description, which spring-boot-configuration-processor turns into IDE metadata, and each initial value the option's
 * default (shown by IDEs too). {@code TencentCiComponentConfigurationTest} fails when names, descriptions or defaults
 * here and in the component's {@code tencent-ci.json} disagree.
 * <p>
 * Java types: the properties hold what can be written in {@code application.properties}, and the component's
 * generated configurer converts them when it sets the option, as it converts URI parameters. So {@code type},
 * {@code orderByTime}, {@code proxyScheme} and {@code states} are strings (whatever Java type the component gives
 * them, {@code states=Failed,Success} binds as the URI parameter does), the durations are {@link Duration}s (Spring
 * then reads {@code 10s}, {@code PT10S} and plain milliseconds), and object options are named beans
 * ({@code #bean:name}, see {@link TencentCiComponentConverter}).
 */
@ConfigurationProperties(prefix = "camel.component.tencent-ci")
public class TencentCiComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the tencent-ci component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The bucket bound to CI, as BucketName-APPID, e.g. examplebucket-1250000000.
     */
    private String bucket;
    /**
     * A base URL that replaces the bucket's CI domain (https://BucketName-APPID.ci.Region.myqcloud.com), e.g.
     * http://127.0.0.1:8080 for an emulator or a private endpoint. The Host header and the signature follow it unless
     * hostHeader is set.
     */
    private String endpoint;
    /**
     * The Host header to send and sign, when endpoint is an address the service does not answer to by name (a private
     * or VPC address, a gateway, a proxy by IP) while it still expects the bucket's CI domain, e.g.
     * examplebucket-1250000000.ci.ap-chongqing.myqcloud.com. Defaults to the host and port of endpoint when that is
     * set, else to the bucket's CI domain.
     */
    private String hostHeader;
    /**
     * The region of the bucket, e.g. ap-chongqing.
     */
    private String region;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Options shared by every endpoint of this component; endpoint options override them. The option is a
     * io.github.tencentci.camel.TencentCiConfiguration type: name a bean as #bean:name.
     */
    private TencentCiConfiguration configuration;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * How long to wait for a connection to the service, in milliseconds or as a duration (10s).
     */
    private Duration connectTimeout = Duration.ofMillis(10000);
    /**
     * A ready HttpClient 5 client to use instead of building one; its owner closes it. Timeouts, proxy and TLS options
     * are then its own. The option is a org.apache.hc.client5.http.impl.classic.CloseableHttpClient type: name a bean
     * as #bean:name.
     */
    private CloseableHttpClient httpClient;
    /**
     * A hook that customises the HttpClient 5 builder before the client is built, e.g. to add interceptors. The option
     * is a io.github.tencentci.camel.http.HttpClientConfigurer type: name a bean as #bean:name.
     */
    private HttpClientConfigurer httpClientConfigurer;
    /**
     * The longest Retry-After of the service that is honoured; a longer one is cut to this. The exponential delay is
     * capped at the larger of this and retryBaseDelay. In milliseconds or as a duration.
     */
    private Duration maxRetryAfter = Duration.ofMillis(30000);
    /**
     * How long to wait for data from the service before a page fails, in milliseconds or as a duration.
     */
    private Duration responseTimeout = Duration.ofMillis(30000);
    /**
     * How many times one page is requested at most when the service throttles (429 SlowDown) or is unavailable (503),
     * the first request included; 1 disables retries.
     */
    private Integer retryAttempts = 3;
    /**
     * The delay before the first retry after throttling, doubled for each further retry and jittered, in milliseconds
     * or as a duration.
     */
    private Duration retryBaseDelay = Duration.ofMillis(500);
    /**
     * The most one poll waits in total for retries; a retry that would exceed it is not made and the poll fails. In
     * milliseconds or as a duration.
     */
    private Duration retryBudget = Duration.ofMillis(60000);
    /**
     * List only jobs created at or before this time, in the same formats as startCreationTime.
     */
    private String endCreationTime;
    /**
     * List only the job with this JobId. For the producer's describeJob and cancelJob, the job to act on when the
     * header CamelTencentCiJobId is not set.
     */
    private String jobId;
    /**
     * List only jobs with this name.
     */
    private String name;
    /**
     * Order of the listing by creation time: Asc or Desc (the service's default).
     */
    private String orderByTime;
    /**
     * How many jobs one page lists, 1 to 100.
     */
    private Integer size = 100;
    /**
     * List only jobs created at or after this time: as the API writes times, with the offset as four digits after a
     * plus or minus sign, or as ISO-8601 such as 2024-12-31T04:00:00Z.
     */
    private String startCreationTime;
    /**
     * List only jobs in these states, comma separated: All (the service's default), Submitted, Running, Success,
     * Failed, Pause, Cancel; any case.
     */
    private String states;
    /**
     * List only jobs of this type: Workflow or Job. Unset, the service's default applies.
     */
    private String type;
    /**
     * List only the jobs of this workflow.
     */
    private String workflowId;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * Host of an HTTP proxy to reach the service through.
     */
    private String proxyHost;
    /**
     * Password for the HTTP proxy.
     */
    private String proxyPassword;
    /**
     * Port of the HTTP proxy.
     */
    private Integer proxyPort;
    /**
     * Scheme of the HTTP proxy.
     */
    private String proxyScheme = "http";
    /**
     * User name for the HTTP proxy.
     */
    private String proxyUsername;
    /**
     * A provider of credentials, consulted before every request, e.g. one that refreshes STS credentials. The option is
     * a io.github.tencentci.camel.signing.TencentCredentialsProvider type: name a bean as #bean:name.
     */
    private TencentCredentialsProvider credentialsProvider;
    /**
     * The SecretId of the Tencent Cloud API key.
     */
    private String secretId;
    /**
     * The SecretKey of the Tencent Cloud API key.
     */
    private String secretKey;
    /**
     * The session token of temporary (STS) credentials; sent signed in x-ci-security-token.
     */
    private String sessionToken;
    /**
     * TLS settings (trust store, key store, protocols) for HTTPS to the service. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type: name a bean as #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public TencentCiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TencentCiConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getRetryAttempts() {
        return retryAttempts;
    }

    public void setRetryAttempts(Integer retryAttempts) {
        this.retryAttempts = retryAttempts;
    }

    public Duration getRetryBaseDelay() {
        return retryBaseDelay;
    }

    public void setRetryBaseDelay(Duration retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    public Duration getRetryBudget() {
        return retryBudget;
    }

    public void setRetryBudget(Duration retryBudget) {
        this.retryBudget = retryBudget;
    }

    public String getEndCreationTime() {
        return endCreationTime;
    }

    public void setEndCreationTime(String endCreationTime) {
        this.endCreationTime = endCreationTime;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOrderByTime() {
        return orderByTime;
    }

    public void setOrderByTime(String orderByTime) {
        this.orderByTime = orderByTime;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public String getStartCreationTime() {
        return startCreationTime;
    }

    public void setStartCreationTime(String startCreationTime) {
        this.startCreationTime = startCreationTime;
    }

    public String getStates() {
        return states;
    }

    public void setStates(String states) {
        this.states = states;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public TencentCredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(TencentCredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public String getSecretId() {
        return secretId;
    }

    public void setSecretId(String secretId) {
        this.secretId = secretId;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getHostHeader() {
        return hostHeader;
    }

    public void setHostHeader(String hostHeader) {
        this.hostHeader = hostHeader;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }
}
