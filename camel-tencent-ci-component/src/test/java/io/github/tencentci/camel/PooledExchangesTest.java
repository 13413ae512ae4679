package io.github.tencentci.camel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.tencentci.camel.delivery.DeliveryKeys;
import io.github.tencentci.camel.model.JobsDetail;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.impl.engine.PooledProcessorExchangeFactory;
import org.apache.camel.spi.ExchangeFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer under Camel's pooled exchange factory ({@code camel.main.exchangeFactory=pooled}), which reuses each
 * exchange once it completed and halves a poll's garbage (docs/performance.md): every job still arrives once per
 * state, with its own body, headers and delivery key, and a failed one comes again.
 */
class PooledExchangesTest extends EmulatorTestSupport {

    private record Seen(String headerJobId, String bodyJobId, String headerState, String bodyState, String key) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getCamelContextExtension().setExchangeFactory(new PooledExchangeFactory());
        camel.getCamelContextExtension().setProcessorExchangeFactory(new PooledProcessorExchangeFactory());
        camel.getCamelContextExtension().getExchangeFactory().setStatisticsEnabled(true);
        return camel;
    }

    @Test
    void eachJobArrivesOncePerStateWithItsOwnBodyHeadersAndKeyWhileExchangesAreReused() throws Exception {
        addJobs(30, "Running");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean failFirstAttempt = new AtomicBoolean(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(jobsUri("size=10")).routeId("jobs")
                        .process(e -> {
                            JobsDetail job = e.getMessage().getBody(JobsDetail.class);
                            seen.add(new Seen(e.getMessage().getHeader(TencentCiConstants.JOB_ID, String.class),
                                    job.getJobId(), e.getMessage().getHeader(TencentCiConstants.JOB_STATE, String.class),
                                    job.getState(), e.getProperty(DeliveryKeys.KEY_PROPERTY, String.class)));
                            if (job.getJobId().equals("j00003") && failFirstAttempt.getAndSet(false)) {
                                throw new IllegalStateException("the first attempt at j00003 fails");
                            }
                        })
                        .to("mock:jobs");
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 30);
        emulator.jobs().setState("j00010", "Failed");
        await().atMost(Duration.ofSeconds(20)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 31);
        awaitFurtherRequests(6); // two more walks of three pages: nothing more may arrive

        // a reused exchange carries nothing of the job it held before
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.headerJobId()).isEqualTo(s.bodyJobId());
            assertThat(s.headerState()).isEqualTo(s.bodyState());
            assertThat(s.key()).isEqualTo(s.bodyJobId() + ":" + s.bodyState());
        });
        // 30 jobs once, j00003 once more after its failure, j00010 once more in its new state
        assertThat(seen).hasSize(32);
        assertThat(seen.stream().map(Seen::key).distinct()).hasSize(31);
        assertThat(seen.stream().filter(s -> s.bodyJobId().equals("j00003"))).hasSize(2);
        assertThat(seen.stream().filter(s -> s.bodyJobId().equals("j00010")).map(Seen::bodyState))
                .containsExactly("Running", "Failed");
        assertThat(getMockEndpoint("mock:jobs").getReceivedCounter()).isEqualTo(31);
        // and exchanges were in fact reused
        ExchangeFactory consumerFactory = context.getCamelContextExtension().getExchangeFactoryManager()
                .getExchangeFactories().stream().filter(f -> "jobs".equals(f.getRouteId())).findFirst().orElseThrow();
        assertThat(consumerFactory.getStatistics().getAcquiredCounter()).isPositive();
    }
}
