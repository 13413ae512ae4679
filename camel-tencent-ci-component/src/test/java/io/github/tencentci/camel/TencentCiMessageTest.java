package io.github.tencentci.camel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.tencentci.camel.model.JobsDetail;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers of an emitted job are built when first asked for, from the job as it was when it was emitted. */
class TencentCiMessageTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 12, 31, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    private final CamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void start() {
        camel.start(); // the header map comes from the started context's factory, case-insensitive
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private static JobsDetail job() {
        JobsDetail job = new JobsDetail();
        job.setJobId("j1");
        job.setState("Running");
        job.setType("Job");
        job.setCreationTime(CREATED);
        return job; // no Name: its header is there, null
    }

    @Test
    void headersAreTheJobsAsEmittedWhateverHappensToTheBodyLater() {
        JobsDetail job = job();
        DefaultExchange exchange = new DefaultExchange(camel);
        Message message = new TencentCiMessage(exchange, job, "req-1");
        exchange.setIn(message);

        job.setState("Success");
        message.setBody("something else");

        assertThat(message.getHeader(TencentCiConstants.JOB_STATE)).isEqualTo("Running");
        assertThat(message.getHeaders()).hasSize(6)
                .containsEntry(TencentCiConstants.JOB_ID, "j1")
                .containsEntry(TencentCiConstants.JOB_TYPE, "Job")
                .containsEntry(TencentCiConstants.JOB_NAME, null)
                .containsEntry(TencentCiConstants.CREATION_TIME, CREATED)
                .containsEntry(TencentCiConstants.REQUEST_ID, "req-1");
    }

    @Test
    void headersBehaveAsOrdinaryHeadersOnceBuilt() {
        DefaultExchange exchange = new DefaultExchange(camel);
        Message message = new TencentCiMessage(exchange, job(), "req-1");
        exchange.setIn(message);

        assertThat(message.hasHeaders()).isTrue();
        message.removeHeader(TencentCiConstants.JOB_NAME);
        message.setHeader(TencentCiConstants.JOB_STATE, "changed by the route");
        message.setHeader("mine", 1);

        assertThat(message.getHeaders()).doesNotContainKey(TencentCiConstants.JOB_NAME)
                .containsEntry(TencentCiConstants.JOB_STATE, "changed by the route").containsEntry("mine", 1);
        Message copy = message.copy();
        assertThat(copy.getHeaders()).isEqualTo(message.getHeaders());
        assertThat(copy.getHeader("camelTencentCiJobId")).as("case-insensitive like any header").isEqualTo("j1");
        assertThat(copy.getBody(JobsDetail.class).getJobId()).isEqualTo("j1");
    }
}
