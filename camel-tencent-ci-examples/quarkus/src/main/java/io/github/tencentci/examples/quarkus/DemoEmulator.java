package io.github.tencentci.examples.quarkus;

import java.time.Duration;

import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.TencentCiConfiguration;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.LiveMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * With no Tencent credentials ({@code camel.component.tencent-ci.secret-id} or the {@code TENCENTCLOUD_SECRET_ID}
 * environment variable the component reads), the application polls the project's emulator, as the Camel Main and
 * Spring Boot demos do: started when Camel adds the tencent-ci component, pointed at, closed on shutdown.
 */
@ApplicationScoped
public class DemoEmulator {

    static final String SECRET_ID = "AKIDdemoSecretIdForTheEmulator";
    static final String SECRET_KEY = "demoSecretKeyForTheEmulator";

    private static final Logger LOG = Logger.getLogger(DemoEmulator.class);

    private CiEmulator emulator;

    void onComponentAdd(@Observes ComponentAddEvent event) {
        if (event.getComponent() instanceof TencentCiComponent component && !credentialsConfigured()) {
            emulator = CiEmulator.builder().port(0).credentials(SECRET_ID, SECRET_KEY).start();
            emulator.jobs().seed(12, 20_240_101L);
            emulator.startLiveMode(new LiveMode(Duration.ofSeconds(1), 0.5, 0.3, 0.7, 1L));
            TencentCiConfiguration configuration = component.getConfiguration();
            configuration.setEndpoint(emulator.baseUrl());
            configuration.setSecretId(SECRET_ID);
            configuration.setSecretKey(SECRET_KEY);
            LOG.infof("No Tencent credentials set: polling the emulator at %s", emulator.baseUrl());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** The demo emulator, or {@code null} when the application polls a configured service. */
    public CiEmulator emulator() {
        return emulator;
    }

    private static boolean credentialsConfigured() {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue("camel.component.tencent-ci.secret-id", String.class).isPresent()
               || System.getenv("TENCENTCLOUD_SECRET_ID") != null;
    }
}
