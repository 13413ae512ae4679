package io.github.tencentci.examples.springboot;

import java.time.Duration;

import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.TencentCiConfiguration;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.LiveMode;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no Tencent credentials anywhere Spring looks ({@code camel.component.tencent-ci.secret-id} or
 * {@code credentials-provider}, or the {@code TENCENTCLOUD_SECRET_ID} environment variable the component itself
 * reads), the application polls the project's emulator instead, as the Camel Main demo does: started on a free
 * loopback port with some history and live mode failing a share of new jobs, closed with the application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoEmulatorConfiguration.NoCredentials.class)
public class DemoEmulatorConfiguration {

    /** Made up: the emulator checks signatures, so the component signs with these. */
    static final String SECRET_ID = "AKIDdemoSecretIdForTheEmulator";
    static final String SECRET_KEY = "demoSecretKeyForTheEmulator";

    private static final Logger LOG = LoggerFactory.getLogger(DemoEmulatorConfiguration.class);
    private static final int HISTORY_JOBS = 12;
    private static final long HISTORY_SEED = 20_240_101L;

    @Bean(destroyMethod = "close")
    CiEmulator demoEmulator() {
        CiEmulator emulator = CiEmulator.builder().port(0).credentials(SECRET_ID, SECRET_KEY).start();
        emulator.jobs().seed(HISTORY_JOBS, HISTORY_SEED);
        emulator.startLiveMode(new LiveMode(Duration.ofSeconds(1), 0.5, 0.3, 0.7, 1L));
        LOG.info("No Tencent credentials set: polling the emulator at {}", emulator.baseUrl());
        return emulator;
    }

    /** Points the component at the emulator; runs after the starter has copied the properties. */
    @Bean
    ComponentCustomizer demoEmulatorConnection(CiEmulator demoEmulator) {
        return ComponentCustomizer.builder(TencentCiComponent.class)
                .withOrder(ComponentCustomizer.LOWEST)
                .build(component -> {
                    TencentCiConfiguration configuration = component.getConfiguration();
                    configuration.setEndpoint(demoEmulator.baseUrl());
                    configuration.setSecretId(SECRET_ID);
                    configuration.setSecretKey(SECRET_KEY);
                });
    }

    /** True when no credentials are configured. */
    static final class NoCredentials implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return !hasText(env, "camel.component.tencent-ci.secret-id")
                   && !hasText(env, "camel.component.tencent-ci.credentials-provider")
                   && !hasText(env, "TENCENTCLOUD_SECRET_ID");
        }

        private static boolean hasText(Environment env, String name) {
            String value = env.getProperty(name);
            return value != null && !value.isBlank();
        }
    }
}
