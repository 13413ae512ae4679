package io.github.tencentci.camel.resilience;

import java.util.concurrent.atomic.AtomicReference;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.TencentCiConstants;
import io.github.tencentci.camel.TencentCiEndpoint;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials from the component (shared by its endpoints), from a provider bean that rotates them while the route
 * runs, and the plain-HTTP warning given once. (Environment variables: {@code EnvironmentCredentialsIT}.)
 */
class CredentialSourcesTest extends EmulatorTestSupport {

    private static final String ROTATED_ID = "AKIDrotated000000000000000000000000";
    private static final String ROTATED_KEY = "rotatedSecretKey00000000000000000";

    @Override
    protected void doPreSetup() {
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(SECRET_ID, SECRET_KEY).credentials(ROTATED_ID, ROTATED_KEY)
                .start();
    }

    private static String akOf(RecordedRequest request) {
        return request.headers().get("authorization").replaceAll(".*q-ak=([^&]+).*", "$1");
    }

    @Test
    void credentialsSetOnTheComponentServeItsEndpoints() throws Exception {
        addJobs(1, "Failed");
        TencentCiComponent component = context.getComponent("tencent-ci", TencentCiComponent.class);
        component.getConfiguration().setSecretId(ROTATED_ID);
        component.getConfiguration().setSecretKey(ROTATED_KEY);
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        jobs.expectedMessageCount(1);
        startRoute("tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&initialDelay=0&delay=50");

        jobs.assertIsSatisfied();
        assertThat(akOf(takeRequest())).isEqualTo(ROTATED_ID);
    }

    @Test
    void aProviderBeanTakesPrecedenceOverKeysOnTheComponent() throws Exception {
        addJobs(1, "Failed");
        TencentCiComponent component = context.getComponent("tencent-ci", TencentCiComponent.class);
        component.getConfiguration().setSecretId(SECRET_ID);
        component.getConfiguration().setSecretKey(SECRET_KEY);
        context.getRegistry().bind("provider",
                (TencentCredentialsProvider) () -> new TencentCredentials(ROTATED_ID, ROTATED_KEY));
        startRoute("tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&credentialsProvider=#provider"
                   + "&initialDelay=0&delay=50");

        RecordedRequest first = takeRequest();
        assertThat(akOf(first)).isEqualTo(ROTATED_ID);
        assertThat(first.status()).isEqualTo(200);
    }

    @Test
    void aProviderBeanIsAskedBeforeEveryRequestSoRotationTakesEffectWhileTheRouteRuns() throws Exception {
        addJobs(1, "Running");
        AtomicReference<TencentCredentials> current = new AtomicReference<>(new TencentCredentials(SECRET_ID, SECRET_KEY));
        context.getRegistry().bind("rotatingCredentials", (TencentCredentialsProvider) current::get);
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        jobs.expectedMessageCount(2);
        startRoute("tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&credentialsProvider=#rotatingCredentials"
                   + "&initialDelay=0&delay=50");
        RecordedRequest first = takeRequest();
        assertThat(akOf(first)).isEqualTo(SECRET_ID);
        assertThat(first.status()).isEqualTo(200);

        current.set(new TencentCredentials(ROTATED_ID, ROTATED_KEY));
        // a request already being signed may still carry the old key; the ones after it carry the new one
        RecordedRequest rotated = takeRequest();
        for (int i = 0; i < 3 && akOf(rotated).equals(SECRET_ID); i++) {
            rotated = takeRequest();
        }
        assertThat(akOf(rotated)).isEqualTo(ROTATED_ID);
        assertThat(rotated.status()).isEqualTo(200);

        emulator.jobs().setState("j00000", "Failed");
        jobs.assertIsSatisfied();
        assertThat(jobs.getReceivedExchanges().get(1).getMessage().getHeader(TencentCiConstants.JOB_STATE))
                .isEqualTo("Failed");
    }

    @Test
    void plainHttpIsAllowedAndWarnedAboutOncePerEndpoint() throws Exception {
        addJobs(1, "Running");
        MockEndpoint jobs = getMockEndpoint("mock:jobs");
        jobs.expectedMessageCount(1);
        try (LogCapture log = LogCapture.of(Level.WARN, "io.github.tencentci")) {
            String uri = jobsUri("");
            startRoute(uri);
            jobs.assertIsSatisfied();
            assertThat(takeRequest().status()).isEqualTo(200);

            // restarting the route does not restart its endpoint: stop and start the endpoint itself, where the
            // warning is given
            TencentCiEndpoint endpoint = context.getEndpoint(uri, TencentCiEndpoint.class);
            context.getRouteController().stopRoute("jobs");
            endpoint.stop();
            assertThat(endpoint.isStopped()).isTrue();
            endpoint.start();
            context.getRouteController().startRoute("jobs");
            // polls of the restarted endpoint, answered over plain HTTP
            assertThat(awaitFurtherRequests(3)).extracting(RecordedRequest::status).containsOnly(200);

            assertThat(log.linesContaining("talks plain HTTP")).hasSize(1);
        }
    }
}
