package io.github.tencentci.examples;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleRoutesTest {

    @Test
    void theDemoLogsJobStatesOnly() {
        assertThat(ExampleRoutes.selectedBy(Map.of())).extracting(Object::getClass)
                .containsExactly(JobStateLogRoute.class);
    }

    @Test
    void kafkaAndSlackRoutesJoinWhenTheirSinkIsSet() {
        assertThat(ExampleRoutes.selectedBy(Map.of("KAFKA_BROKERS", "localhost:9092"))).extracting(Object::getClass)
                .containsExactly(JobStateLogRoute.class, FailedJobsToKafkaRoute.class);
        assertThat(ExampleRoutes.selectedBy(Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/x")))
                .extracting(Object::getClass)
                .containsExactly(JobStateLogRoute.class, FailedJobsToSlackRoute.class);
    }

    @Test
    void theRoutesThatActOnJobsJoinOnlyWhenAskedFor() {
        assertThat(ExampleRoutes.selectedBy(Map.of("TENCENTCI_RERUN_FAILED", "true", "TENCENTCI_STUCK_MAX_RUNNING", "2h")))
                .extracting(Object::getClass)
                .containsExactly(JobStateLogRoute.class, RerunFailedJobsRoute.class, CancelStuckJobsRoute.class);
        assertThat(ExampleRoutes.selectedBy(Map.of("TENCENTCI_RERUN_FAILED", "no"))).extracting(Object::getClass)
                .containsExactly(JobStateLogRoute.class);
    }
}
