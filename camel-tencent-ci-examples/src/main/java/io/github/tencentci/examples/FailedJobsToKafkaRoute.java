package io.github.tencentci.examples;

import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Failed jobs to a Kafka topic as JSON, keyed by JobId so that all records of one job land in one partition.
 * <p>
 * Properties: {@code kafka.brokers} (required, e.g. {@code localhost:9092}), {@code kafka.topic} (default
 * {@code tencent-ci-failed-jobs}), {@code tencentci.poll.delay} (ms, default 5000). The connection to Tencent CI is
 * set on the component.
 */
public class FailedJobsToKafkaRoute extends RouteBuilder {

    @Override
    public void configure() {
        // the component emits each job once per state, so each failed job once
        from("tencent-ci:jobs?states=Failed&delay={{tencentci.poll.delay:5000}}")
                .routeId("failed-jobs-to-kafka")
                .setHeader(KafkaConstants.KEY, header(TencentCiConstants.JOB_ID))
                .marshal().json()
                .to("kafka:{{kafka.topic:tencent-ci-failed-jobs}}?brokers={{kafka.brokers}}")
                .log("Failed job ${header.CamelTencentCiJobId} sent to Kafka topic {{kafka.topic:tencent-ci-failed-jobs}}");
    }
}
