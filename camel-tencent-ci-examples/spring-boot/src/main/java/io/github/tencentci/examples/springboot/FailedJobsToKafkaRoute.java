package io.github.tencentci.examples.springboot;

import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Each failed job once, as JSON, to a Kafka topic, keyed by JobId. The URI names no connection option: the component
 * takes them from {@code camel.component.tencent-ci.*}, the Kafka component its brokers from
 * {@code camel.component.kafka.brokers}.
 */
@Component
public class FailedJobsToKafkaRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("tencent-ci:jobs?states=Failed&delay={{failedjobs.poll-delay}}")
                .routeId("failed-jobs-to-kafka")
                .setHeader(KafkaConstants.KEY, header(TencentCiConstants.JOB_ID))
                .marshal().json()
                .to("kafka:{{failedjobs.topic}}")
                .log("Failed job ${header.CamelTencentCiJobId} sent to Kafka topic {{failedjobs.topic}}");
    }
}
