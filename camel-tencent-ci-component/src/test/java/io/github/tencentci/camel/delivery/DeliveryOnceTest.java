package io.github.tencentci.camel.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.tencentci.camel.EmulatorTestSupport;
import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Once per key when all goes well, again after a failure; the key and its options. */
class DeliveryOnceTest extends EmulatorTestSupport {

    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(1000);

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("repo", repository);
    }

    private List<String> received() {
        return getMockEndpoint("mock:jobs").getReceivedExchanges().stream()
                .map(e -> e.getProperty(DeliveryKeys.KEY_PROPERTY, String.class))
                .toList();
    }

    @Test
    void aFailedExchangeIsReleasedAndEmittedAgainAndRecordedOnlyWhenItCompletes() throws Exception {
        addJobs(3, "Running");
        AtomicBoolean failedOnce = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(jobsUri("idempotentRepository=#repo")).routeId("jobs")
                        .to("mock:jobs")
                        .process(exchange -> {
                            if ("j00001".equals(exchange.getMessage().getHeader(TencentCiConstants.JOB_ID))
                                && failedOnce.compareAndSet(false, true)) {
                                assertThat(repository.contains("j00001:Running")).isFalse();
                                throw new IllegalStateException("the sink is down");
                            }
                        });
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() >= 4);
        awaitFurtherRequests(5); // five more polls, which must add nothing

        assertThat(received()).containsExactlyInAnyOrder("j00000:Running", "j00001:Running", "j00001:Running",
                "j00002:Running");
        assertThat(repository.contains("j00001:Running")).isTrue();
    }

    @Test
    void anIdempotentKeyExpressionChoosesWhatCountsAsTheSameDelivery() throws Exception {
        addJobs(2, "Running");
        startRoute(jobsUri("idempotentRepository=#repo&idempotentKey=job-${header.CamelTencentCiJobId}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received().size() >= 2);

        emulator.jobs().setState("j00000", "Failed");
        awaitFurtherRequests(5); // five more polls, which must add nothing

        // keyed by JobId alone, a state change is not a new delivery
        assertThat(received()).containsExactlyInAnyOrder("job-j00000", "job-j00001");
        assertThat(repository.contains("job-j00000")).isTrue();
    }

    @Test
    void theDefaultKeyIsJobIdAndState() throws Exception {
        addJobs(1, "Success");
        startRoute(jobsUri("idempotentRepository=#repo"));
        await().atMost(Duration.ofSeconds(10)).until(() -> repository.contains("j00000:Success"));
        assertThat(received()).containsExactly("j00000:Success");
    }

    @Test
    void aNegativeLookBackIsRejected() {
        assertThatThrownBy(() -> context.getEndpoint(jobsUri("lookBack=-5000")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("lookBack -5000 must be 0 (no window) or a positive duration");
    }
}
