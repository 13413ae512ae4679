package io.github.tencentci.camel;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML DSL route that names the options as a parameter map: YAML builds the URI with the generated URI factory
 * when there is one (it falls back to a plain query string without it), so the factory the context finds must be
 * the generated one and list exactly the declared options. The secret key carries {@code +} and {@code &}, which a
 * query string would turn into a space and a cut: the factory marks it secret and writes it as {@code RAW(...)}.
 */
class TencentCiYamlRouteTest extends EmulatorTestSupport {

    private static final String AWKWARD_KEY = "yaml+Secret&Key=0000/with+plus&amp";

    @Override
    protected void doPreSetup() {
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(SECRET_ID, AWKWARD_KEY).start();
    }

    @Test
    void theGeneratedUriFactoryIsFoundAndListsTheDeclaredOptions() {
        EndpointUriFactory factory = PluginHelper.getUriFactoryResolver(context).resolveFactory("tencent-ci", context);

        assertThat(factory).isInstanceOf(TencentCiEndpointUriFactory.class);
        assertThat(factory.propertyNames()).containsExactlyInAnyOrderElementsOf(DeclaredOptions.ofEndpoint());
        assertThat(factory.secretPropertyNames())
                .containsExactlyInAnyOrder("secretId", "secretKey", "sessionToken", "proxyUsername", "proxyPassword");
    }

    @Test
    void aYamlRouteWithAParameterMapReceivesFailedJobs() throws Exception {
        emulator.jobs().add(job("ok1", "Success", 0));
        emulator.jobs().add(job("bad1", "Failed", 1));
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        jobs.expectedMessageCount(1);
        jobs.expectedHeaderReceived(TencentCiConstants.JOB_ID, "bad1");
        String yaml = """
                - route:
                    id: failed-jobs
                    from:
                      uri: tencent-ci:jobs
                      parameters:
                        endpoint: "%s"
                        secretId: "%s"
                        secretKey: "%s"
                        states: Failed
                        size: 50
                        initialDelay: 0
                        delay: 50
                      steps:
                        - to: mock:jobs
                """.formatted(emulator.baseUrl(), SECRET_ID, AWKWARD_KEY);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("failed-jobs.yaml", yaml));

        RecordedRequest first = takeRequest();
        assertThat(first.status()).as("signed with the key as written").isEqualTo(200);
        assertThat(first.params()).containsEntry("states", "Failed").containsEntry("size", "50");
        jobs.assertIsSatisfied();
    }
}
