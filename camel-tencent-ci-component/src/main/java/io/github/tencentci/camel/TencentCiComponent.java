package io.github.tencentci.camel;

import java.util.Map;

import io.github.tencentci.camel.signing.EnvironmentCredentialsProvider;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code tencent-ci} component: polls Tencent Cloud Infinite (CI) batch jobs.
 */
@Component("tencent-ci")
public class TencentCiComponent extends HealthCheckComponent {

    @Metadata(description = "Options shared by every endpoint of this component; endpoint options override them.")
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
        setProperties(endpoint, parameters);
        endpoint.getConfiguration().validate(new EnvironmentCredentialsProvider().isAvailable());
        endpoint.validateConsumerOptions();
        return endpoint;
    }

    public TencentCiConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Options shared by every endpoint of this component; endpoint options override them.
     */
    public void setConfiguration(TencentCiConfiguration configuration) {
        this.configuration = configuration;
    }
}
