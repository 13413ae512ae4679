package io.github.tencentci.camel.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import io.github.tencentci.emulator.CiEmulator;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    private String akOfLastRequest() {
        String authorization = emulator.requests().last().headers().get("authorization");
        return authorization.replaceAll(".*q-ak=([^&]+).*", "$1");
    }

    @Test
    void credentialsSetOnTheComponentServeItsEndpoints() throws Exception {
        addJobs(1, "Failed");
        TencentCiComponent component = context.getComponent("tencent-ci", TencentCiComponent.class);
        component.getConfiguration().setSecretId(ROTATED_ID);
        component.getConfiguration().setSecretKey(ROTATED_KEY);
        startRoute("tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&initialDelay=0&delay=50");

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        assertThat(akOfLastRequest()).isEqualTo(ROTATED_ID);
    }

    @Test
    void aProviderBeanIsAskedBeforeEveryRequestSoRotationTakesEffectWhileTheRouteRuns() throws Exception {
        addJobs(1, "Running");
        AtomicReference<TencentCredentials> current = new AtomicReference<>(new TencentCredentials(SECRET_ID, SECRET_KEY));
        context.getRegistry().bind("rotatingCredentials", (TencentCredentialsProvider) current::get);
        startRoute("tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&credentialsProvider=#rotatingCredentials"
                   + "&initialDelay=0&delay=50");
        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        assertThat(akOfLastRequest()).isEqualTo(SECRET_ID);

        current.set(new TencentCredentials(ROTATED_ID, ROTATED_KEY));
        emulator.jobs().setState("j00000", "Failed");

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 2);
        assertThat(akOfLastRequest()).isEqualTo(ROTATED_ID);
        assertThat(emulator.requests().last().status()).isEqualTo(200);
    }

    @Test
    void plainHttpIsAllowedAndWarnedAboutOncePerEndpoint() throws Exception {
        addJobs(1, "Running");
        try (LogCapture log = LogCapture.of(Level.WARN, "io.github.tencentci")) {
            startRoute(jobsUri(""));
            await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
            context.getRouteController().stopRoute("jobs");
            context.getRouteController().startRoute("jobs");
            int requests = emulator.requests().count();
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.requests().count() > requests + 2);

            assertThat(log.linesContaining("talks plain HTTP")).hasSize(1);
        }
    }
}
