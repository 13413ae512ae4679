package io.github.tencentci.camel;

import java.util.Arrays;
import java.util.Map;

import io.github.tencentci.camel.client.JobType;
import io.github.tencentci.camel.client.OrderByTime;
import io.github.tencentci.camel.signing.EnvironmentCredentialsProvider;
import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tencent-ci} component: polls Tencent Cloud Infinite (CI) batch jobs, and lists, describes, cancels and
 * triggers them.
 */
@Component("tencent-ci")
public class TencentCiComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(TencentCiComponent.class);
    /** The options whose values Camel's enum converter binds, with what they allow. */
    private static final Map<String, Object[]> ENUM_OPTIONS = Map.of("type", JobType.values(), "orderByTime", OrderByTime.values(),
            "operation", TencentCiOperations.values());

    @Metadata
    private TencentCiConfiguration configuration = new TencentCiConfiguration();

    public TencentCiComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!TencentCiEndpoint.RESOURCE_JOBS.equals(remaining)) {
            throw new IllegalArgumentException("Unknown tencent-ci resource '" + remaining + "': use tencent-ci:"
                                               + TencentCiEndpoint.RESOURCE_JOBS);
        }
        TencentCiEndpoint endpoint = new TencentCiEndpoint(uri, this, configuration.copy());
        endpoint.setResource(remaining);
        try {
            setProperties(endpoint, parameters);
        } catch (PropertyBindingException e) {
            throw invalidOption(e);
        }
        endpoint.getConfiguration().validate(new EnvironmentCredentialsProvider().isAvailable());
        endpoint.validateConsumerOptions();
        for (String option : endpoint.getConfiguration().filtersWithOuterSpaces()) {
            // sent as written: the service's matching is undocumented, and a job may really carry such a name; but a
            // space from a properties file is the likelier cause, and it makes the filter match nothing
            LOG.warn("tencent-ci option {} has spaces at its start or end; it is sent and signed as written", option);
        }
        return endpoint;
    }

    /** Camel's binding error names the option but not what is wrong with its value; this one says what is allowed. */
    private static RuntimeException invalidOption(PropertyBindingException e) {
        Object[] allowed = ENUM_OPTIONS.get(e.getPropertyName());
        if (allowed != null) {
            return new IllegalArgumentException("Invalid tencent-ci options: " + e.getPropertyName() + " '" + e.getValue()
                                                + "' is not allowed: use one of " + Arrays.toString(allowed), e);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                && invalid.getMessage().startsWith(e.getPropertyName() + " '")) { // a setter that parses its text
                return new IllegalArgumentException("Invalid tencent-ci options: " + invalid.getMessage(), e);
            }
        }
        return e;
    }

    public TencentCiConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every endpoint of this component; endpoint options override them. */
    public void setConfiguration(TencentCiConfiguration configuration) {
        this.configuration = configuration;
    }
}
