package io.github.tencentci.camel;

import java.time.Clock;
import java.time.Duration;

import io.github.tencentci.camel.delivery.CreationTimeWindow;
import io.github.tencentci.camel.delivery.DeliveryKeys;
import io.github.tencentci.camel.delivery.JobDeliveryTracker;
import io.github.tencentci.camel.http.CiHttpClientFactory;
import io.github.tencentci.camel.http.JobListingClient;
import io.github.tencentci.camel.http.JobListingQuery;
import io.github.tencentci.camel.parsing.JobPageParser;
import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.EnvironmentCredentialsProvider;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the batch jobs of a bucket bound to Tencent Cloud Infinite (CI) and emits one exchange per job record.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tencent-ci", title = "Tencent Cloud Infinite (CI)",
             syntax = "tencent-ci:resource", consumerOnly = true, category = { Category.CLOUD, Category.FILE },
             headersClass = TencentCiConstants.class)
public class TencentCiEndpoint extends ScheduledPollEndpoint {

    public static final String RESOURCE_JOBS = "jobs";
    private static final Logger LOG = LoggerFactory.getLogger(TencentCiEndpoint.class);

    @UriPath(enums = "jobs", description = "What to poll: jobs, the batch jobs of the bucket.")
    @Metadata(required = true)
    private String resource;
    @UriParam
    private TencentCiConfiguration configuration;
    @UriParam(label = "consumer",
              description = "The most exchanges one poll emits; 0 means no limit. The next poll continues where a capped one"
                            + " stopped.")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer,advanced", defaultValue = "true",
              description = "Read the next page in the background while the route processes the current one. At most one"
                            + " page is read ahead; one read ahead that a capped or stopped walk does not need is dropped.")
    private boolean readAhead = true;
    @UriParam(label = "consumer,advanced",
              description = "Where delivered jobs are remembered, keyed by <JobId>:<State>. Defaults to an in-memory"
                            + " repository of idempotentCacheSize keys; use a file, JDBC or Kafka repository to remember"
                            + " across restarts and nodes.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "100000",
              description = "How many keys the default in-memory idempotent repository holds, least recently used first out.")
    private int idempotentCacheSize = 100_000;
    @UriParam(label = "consumer,advanced",
              description = "A Simple expression giving the key a job is remembered under, evaluated on the exchange it would"
                            + " be emitted in, e.g. ${header.CamelTencentCiJobId} to emit each job once whatever its later"
                            + " states. Unset, the key is <JobId>:<State>.")
    private String idempotentKey;
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration",
              description = "Incremental polling: list only jobs created within this long before now (ms or a duration"
                            + " such as 1h), so a quiet poll reads one page, not the whole history. A job that changes"
                            + " state after its creation time left the window is not seen again. 0 lists everything.")
    private long lookBack;

    private CloseableHttpClient httpClient;
    private boolean ownsHttpClient;
    private JobListingClient listingClient;
    private JobDeliveryTracker deliveryTracker;
    private volatile boolean plainHttpWarned;
    private DeliveryKeys deliveryKeys;
    private CreationTimeWindow creationTimeWindow;

    public TencentCiEndpoint(String uri, TencentCiComponent component, TencentCiConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("tencent-ci:" + resource + " can only be consumed from, not sent to");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TencentCiConsumer consumer = new TencentCiConsumer(this, processor);
        configureConsumer(consumer);
        consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
        return consumer;
    }

    void validateConsumerOptions() {
        if (maxMessagesPerPoll < 0) {
            throw new IllegalArgumentException("Invalid tencent-ci options: maxMessagesPerPoll " + maxMessagesPerPoll
                                               + " must be 0 (no limit) or more");
        }
        if (idempotentCacheSize < 1) {
            throw new IllegalArgumentException("Invalid tencent-ci options: idempotentCacheSize " + idempotentCacheSize
                                               + " must be 1 or more");
        }
        if (lookBack < 0) {
            throw new IllegalArgumentException("Invalid tencent-ci options: lookBack " + lookBack
                                               + " must be 0 (no window) or a positive duration such as 1h");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getHttpClient() != null) {
            httpClient = configuration.getHttpClient();
            ownsHttpClient = false;
        } else {
            httpClient = CiHttpClientFactory.create(getCamelContext(), new CiHttpClientFactory.HttpSettings(
                    configuration.getConnectTimeout(), configuration.getResponseTimeout(),
                    configuration.getProxyScheme(), configuration.getProxyHost(),
                    configuration.getProxyPort() == null ? -1 : configuration.getProxyPort(),
                    configuration.getProxyUsername(), configuration.getProxyPassword(),
                    configuration.getSslContextParameters(), configuration.getHttpClientConfigurer()));
            ownsHttpClient = true;
        }
        if (!"https".equalsIgnoreCase(configuration.baseUri().getScheme()) && !plainHttpWarned) {
            plainHttpWarned = true; // once per endpoint, not at every route restart
            LOG.warn("tencent-ci endpoint {} talks plain HTTP to {}: fine for an emulator, not for Tencent Cloud",
                    getEndpointBaseUri(), configuration.baseUri());
        }
        listingClient = new JobListingClient(
                httpClient, configuration.baseUri(), credentialsProvider(), new CosSigner(), new JobPageParser());
        IdempotentRepository repository = idempotentRepository != null
                ? idempotentRepository : MemoryIdempotentRepository.memoryIdempotentRepository(idempotentCacheSize);
        ServiceHelper.startService(repository);
        deliveryTracker = new JobDeliveryTracker(repository);
        deliveryKeys = idempotentKey == null || idempotentKey.isBlank()
                ? DeliveryKeys.jobIdAndState()
                : DeliveryKeys.of(getCamelContext().resolveLanguage("simple").createExpression(idempotentKey));
        creationTimeWindow = new CreationTimeWindow(Duration.ofMillis(lookBack), Clock.systemUTC());
    }

    @Override
    protected void doStop() throws Exception {
        if (deliveryTracker != null && idempotentRepository == null) {
            ServiceHelper.stopService(deliveryTracker.getRepository());
        }
        if (ownsHttpClient && httpClient != null) {
            httpClient.close();
        }
        httpClient = null;
        super.doStop();
    }

    /**
     * Credentials in order of precedence: a credentialsProvider bean, the secretId/secretKey options, the
     * TENCENTCLOUD_* environment variables.
     */
    TencentCredentialsProvider credentialsProvider() {
        if (configuration.getCredentialsProvider() != null) {
            return configuration.getCredentialsProvider();
        }
        if (configuration.getSecretId() != null && configuration.getSecretKey() != null) {
            TencentCredentials fixed = new TencentCredentials(
                    configuration.getSecretId(), configuration.getSecretKey(), configuration.getSessionToken());
            return () -> fixed;
        }
        return new EnvironmentCredentialsProvider();
    }

    /** The filter options as they go on the wire. */
    JobListingQuery listingQuery() {
        return JobListingQuery.builder()
                .size(configuration.getSize())
                .type(TencentCiConfiguration.canonical("type", configuration.getType(), TencentCiConfiguration.TYPES, "one of"))
                .orderByTime(TencentCiConfiguration.canonical("orderByTime", configuration.getOrderByTime(),
                        TencentCiConfiguration.ORDERS, "one of"))
                .states(configuration.canonicalStates())
                .startCreationTime(TencentCiConfiguration.parseTime("startCreationTime", configuration.getStartCreationTime()))
                .endCreationTime(TencentCiConfiguration.parseTime("endCreationTime", configuration.getEndCreationTime()))
                .workflowId(configuration.getWorkflowId())
                .jobId(configuration.getJobId())
                .name(configuration.getName())
                .build();
    }

    JobListingClient getListingClient() {
        return listingClient;
    }

    JobDeliveryTracker getDeliveryTracker() {
        return deliveryTracker;
    }

    DeliveryKeys getDeliveryKeys() {
        return deliveryKeys;
    }

    CreationTimeWindow getCreationTimeWindow() {
        return creationTimeWindow;
    }

    public String getResource() {
        return resource;
    }

    /**
     * What to poll: jobs, the batch jobs of the bucket.
     */
    public void setResource(String resource) {
        this.resource = resource;
    }

    public TencentCiConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     */
    public void setConfiguration(TencentCiConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most exchanges one poll emits; 0 means no limit. The next poll continues where a capped one stopped.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isReadAhead() {
        return readAhead;
    }

    /**
     * Read the next page in the background while the route processes the current one. At most one page is read
     * ahead; one read ahead that a capped or stopped walk does not need is dropped.
     */
    public void setReadAhead(boolean readAhead) {
        this.readAhead = readAhead;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Where delivered jobs are remembered, keyed by &lt;JobId&gt;:&lt;State&gt;. Defaults to an in-memory repository of
     * idempotentCacheSize keys; use a file, JDBC or Kafka repository to remember across restarts and nodes.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    /**
     * How many keys the default in-memory idempotent repository holds, least recently used first out.
     */
    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public String getIdempotentKey() {
        return idempotentKey;
    }

    /**
     * A Simple expression giving the key a job is remembered under, evaluated on the exchange it would be emitted in,
     * e.g. ${header.CamelTencentCiJobId} to emit each job once whatever its later states. Unset, the key is
     * &lt;JobId&gt;:&lt;State&gt;.
     */
    public void setIdempotentKey(String idempotentKey) {
        this.idempotentKey = idempotentKey;
    }

    public long getLookBack() {
        return lookBack;
    }

    /**
     * Incremental polling: list only jobs created within this long before now (ms or a duration such as 1h), so a
     * quiet poll reads one page, not the whole history. A job that changes state after its creation time left the
     * window is not seen again. 0 lists everything.
     */
    public void setLookBack(long lookBack) {
        this.lookBack = lookBack;
    }
}
