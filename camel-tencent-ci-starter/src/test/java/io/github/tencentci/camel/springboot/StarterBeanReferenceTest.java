package io.github.tencentci.camel.springboot;

import java.time.Duration;

import io.github.tencentci.camel.TencentCiComponent;
import io.github.tencentci.camel.signing.TencentCredentials;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import io.github.tencentci.camel.springboot.app.StarterTestApplication;
import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An object option set in properties by bean name ({@link TencentCiComponentConverter}): the credentials come only
 * from a Spring bean, and the emulator, which checks every signature, lists the jobs.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { StarterTestApplication.class, StarterBeanReferenceTest.Credentials.class },
                properties = "camel.component.tencent-ci.credentials-provider=#bean:ciCredentials")
@DirtiesContext
class StarterBeanReferenceTest {

    private static final CiEmulator EMULATOR = StarterEmulator.start();

    @TestConfiguration
    static class Credentials {
        @Bean
        TencentCredentialsProvider ciCredentials() {
            return () -> new TencentCredentials(StarterEmulator.SECRET_ID, StarterEmulator.SECRET_KEY);
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    TencentCredentialsProvider ciCredentials;

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        StarterEmulator.registerLocation(registry, EMULATOR);
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void theNamedBeanSignsTheRequests() {
        assertThat(camelContext.getComponent("tencent-ci", TencentCiComponent.class).getConfiguration()
                .getCredentialsProvider()).isSameAs(ciCredentials);

        MockEndpoint jobs = camelContext.getEndpoint("mock:jobs", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.getReceivedCounter() == 4);
        assertThat(EMULATOR.requests().all()).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
    }
}
