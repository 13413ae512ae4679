package io.github.tencentci.camel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import io.github.tencentci.camel.client.JobListing;
import io.github.tencentci.camel.client.OpenJobs;
import io.github.tencentci.camel.client.TencentCiClient;
import io.github.tencentci.camel.delivery.BoundedMemoryRepository;
import io.github.tencentci.camel.delivery.DeliveryKeys;
import io.github.tencentci.camel.delivery.JobDeliveryTracker;
import io.github.tencentci.camel.http.CiHttpClientFactory;
import io.github.tencentci.camel.http.RetryPolicy;
import io.github.tencentci.camel.signing.EnvironmentCredentialsProvider;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Expression;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch jobs of a bucket bound to Tencent Cloud Infinite (CI): the consumer polls them and emits one exchange per
 * job record; the producer lists, describes, cancels and triggers them ({@link TencentCiOperations}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tencent-ci", title = "Tencent Cloud Infinite (CI)",
             syntax = "tencent-ci:resource", category = { Category.CLOUD, Category.FILE },
             headersClass = TencentCiConstants.class)
public class TencentCiEndpoint extends ScheduledPollEndpoint {

    public static final String RESOURCE_JOBS = "jobs";
    private static final int DEFAULT_IDEMPOTENT_CACHE_SIZE = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(TencentCiEndpoint.class);

    @UriPath(enums = "jobs")
    @Metadata(required = true)
    private String resource;
    @UriParam
    private TencentCiConfiguration configuration;
    @UriParam(label = "consumer")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean readAhead = true;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "100000")
    private int idempotentCacheSize = DEFAULT_IDEMPOTENT_CACHE_SIZE;
    @UriParam(label = "consumer,advanced", javaType = "java.lang.String")
    private Expression idempotentKey;
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration")
    private long lookBack;
    @UriParam(label = "producer", defaultValue = "listJobs")
    private TencentCiOperations operation;

    private TencentCiClient client;
    private JobDeliveryTracker deliveryTracker;
    private volatile boolean plainHttpWarned;
    private DeliveryKeys deliveryKeys;
    private OpenJobs openJobs;

    public TencentCiEndpoint(String uri, TencentCiComponent component, TencentCiConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        List<String> consumerOnly = new ArrayList<>();
        if (maxMessagesPerPoll != 0) {
            consumerOnly.add("maxMessagesPerPoll");
        }
        if (!readAhead) {
            consumerOnly.add("readAhead");
        }
        if (idempotentRepository != null) {
            consumerOnly.add("idempotentRepository");
        }
        if (idempotentCacheSize != DEFAULT_IDEMPOTENT_CACHE_SIZE) {
            consumerOnly.add("idempotentCacheSize");
        }
        if (idempotentKey != null) {
            consumerOnly.add("idempotentKey");
        }
        if (lookBack != 0) {
            consumerOnly.add("lookBack");
        }
        if (!consumerOnly.isEmpty()) {
            throw new IllegalArgumentException("Invalid tencent-ci options: " + String.join(", ", consumerOnly)
                                               + (consumerOnly.size() == 1 ? " applies" : " apply")
                                               + " to the consumer only (from), not to a producer (to): remove "
                                               + (consumerOnly.size() == 1 ? "it" : "them") + " from " + getEndpointBaseUri());
        }
        return new TencentCiProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != null) {
            throw new IllegalArgumentException("Invalid tencent-ci options: operation applies to the producer only (to),"
                                               + " not to a consumer (from), which always lists jobs: remove it from "
                                               + getEndpointBaseUri());
        }
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
        if (idempotentCacheSize < 1 || idempotentCacheSize > BoundedMemoryRepository.MAX_CAPACITY) {
            throw new IllegalArgumentException("Invalid tencent-ci options: idempotentCacheSize " + idempotentCacheSize
                                               + " must be from 1 to " + BoundedMemoryRepository.MAX_CAPACITY);
        }
        if (lookBack < 0) {
            throw new IllegalArgumentException("Invalid tencent-ci options: lookBack " + lookBack
                                               + " must be 0 (no window) or a positive duration such as 1h");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TencentCiConfiguration c = configuration;
        if (!"https".equalsIgnoreCase(c.baseUri().getScheme()) && !plainHttpWarned) {
            plainHttpWarned = true; // once per endpoint, not at every route restart
            LOG.warn("tencent-ci endpoint {} talks plain HTTP to {}: fine for an emulator, not for Tencent Cloud",
                    getEndpointBaseUri(), c.baseUri());
        }
        client = c.getHttpClient() != null
                ? new TencentCiClient(c.getHttpClient(), c.baseUri(), c.host(), credentialsProvider())
                : TencentCiClient.create(c.baseUri(), c.host(), credentialsProvider(), new CiHttpClientFactory.HttpSettings(
                        c.getConnectTimeout(), c.getResponseTimeout(), c.getProxyScheme(), c.getProxyHost(),
                        c.getProxyPort() == null ? -1 : c.getProxyPort(), c.getProxyUsername(), c.getProxyPassword(),
                        c.getSslContextParameters() == null ? null : c.getSslContextParameters().createSSLContext(getCamelContext()),
                        c.getHttpClientConfigurer()));
        IdempotentRepository repository = idempotentRepository != null
                ? idempotentRepository : new BoundedMemoryRepository(idempotentCacheSize);
        ServiceHelper.startService(repository);
        deliveryTracker = new JobDeliveryTracker(repository);
        openJobs = new OpenJobs(); // lives as long as the default repository: both are forgotten together
        if (idempotentKey != null) {
            idempotentKey.init(getCamelContext());
        }
        deliveryKeys = idempotentKey == null ? DeliveryKeys.jobIdAndState() : DeliveryKeys.of(idempotentKey);
    }

    @Override
    protected void doStop() throws Exception {
        if (deliveryTracker != null && idempotentRepository == null) {
            ServiceHelper.stopService(deliveryTracker.getRepository());
        }
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    /** The retry options as a policy, with random jitter. */
    RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getRetryAttempts(), Duration.ofMillis(configuration.getRetryBaseDelay()),
                Duration.ofMillis(configuration.getMaxRetryAfter()), Duration.ofMillis(configuration.getRetryBudget()),
                () -> ThreadLocalRandom.current().nextDouble());
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

    TencentCiClient getClient() {
        return client;
    }

    JobDeliveryTracker getDeliveryTracker() {
        return deliveryTracker;
    }

    /**
     * The listing of this endpoint's query for a consumer. With {@code lookBack}, its memory of open jobs is the
     * endpoint's, so a route restart keeps it; while that memory is not known yet, a repository that may remember
     * more than it (one the user configured) makes the first walk list everything, so a job that reached its final
     * state while no consumer ran is still emitted.
     */
    JobListing jobListing(ExecutorService readAhead) {
        return new JobListing(client, configuration.listingQuery(), Duration.ofMillis(lookBack), Clock.systemUTC(),
                openJobs, idempotentRepository != null, retryPolicy(), readAhead);
    }

    DeliveryKeys getDeliveryKeys() {
        return deliveryKeys;
    }

    public String getResource() {
        return resource;
    }

    /** What to poll or act on: jobs, the batch jobs of the bucket. */
    public void setResource(String resource) {
        this.resource = resource;
    }

    public TencentCiConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(TencentCiConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** The most exchanges one poll emits; 0 means no limit. The next poll continues where a capped one stopped. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isReadAhead() {
        return readAhead;
    }

    /**
     * Read the next pages in the background while the route processes the current one: without maxMessagesPerPoll
     * up to two pages ahead (one read, one being read), with it only the next page the poll may take. A page read
     * ahead that a stopped walk does not need is dropped.
     */
    public void setReadAhead(boolean readAhead) {
        this.readAhead = readAhead;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Where delivered jobs are remembered, keyed by JobId:State. Defaults to an in-memory repository of
     * idempotentCacheSize keys; use a file, JDBC or Kafka repository to remember across restarts and nodes.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    /**
     * How many keys the default in-memory idempotent repository holds (1 to 268435456), the oldest forgotten first.
     */
    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public Expression getIdempotentKey() {
        return idempotentKey;
    }

    /**
     * A Simple expression giving the key a job is remembered under, evaluated on the exchange it would be emitted in,
     * e.g. ${header.CamelTencentCiJobId} to emit each job once whatever its later states. Unset, the key is
     * JobId:State.
     */
    public void setIdempotentKey(Expression idempotentKey) {
        this.idempotentKey = idempotentKey;
    }

    /** The idempotentKey as a Simple expression. */
    public void setIdempotentKey(String idempotentKey) {
        this.idempotentKey = idempotentKey == null || idempotentKey.isBlank() ? null
                : ExpressionBuilder.simpleExpression(idempotentKey);
    }

    public long getLookBack() {
        return lookBack;
    }

    /**
     * Incremental polling: list only jobs created within this long before now (ms or a duration such as 1h), plus the
     * jobs that are still open or were open at the last poll, so a quiet poll reads two small pages, not the whole
     * history, and every state change of a long-running job is still seen. 0 lists everything at every poll.
     */
    public void setLookBack(long lookBack) {
        this.lookBack = lookBack;
    }

    public TencentCiOperations getOperation() {
        return operation;
    }

    /**
     * What the producer does: listJobs (one page of the listing, with the filter options; the header
     * CamelTencentCiNextToken names the page), describeJob or cancelJob (the job named by the header
     * CamelTencentCiJobId, else by the jobId option), or triggerJob (submits the body: a JobsDetail again, or a
     * Request XML document). The header CamelTencentCiOperation overrides it per exchange. Producer only.
     */
    public void setOperation(TencentCiOperations operation) {
        this.operation = operation;
    }
}
