package io.github.tencentci.examples;

import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Failed jobs to a Kafka topic as JSON, keyed by JobId so that all records of one job land in one partition.
 * <p>
 * Properties: {@code kafka.brokers} (required, e.g. {@code localhost:9092}), {@code kafka.topic} (default
 * {@code tencent-ci-failed-jobs}).
 */
public class FailedJobsToKafkaRoute extends FailedJobsRoute {

    /** Creates the route with id {@code failed-jobs-to-kafka}. */
    public FailedJobsToKafkaRoute() {
        super("failed-jobs-to-kafka");
    }

    @Override
    protected void forward(ProcessorDefinition<?> failedJob) {
        failedJob
                .setHeader(KafkaConstants.KEY, header(TencentCiConstants.JOB_ID))
                .marshal().json()
                .to("kafka:{{kafka.topic:tencent-ci-failed-jobs}}?brokers={{kafka.brokers}}")
                .log("Failed job ${header.CamelTencentCiJobId} sent to Kafka topic {{kafka.topic:tencent-ci-failed-jobs}}");
    }
}
