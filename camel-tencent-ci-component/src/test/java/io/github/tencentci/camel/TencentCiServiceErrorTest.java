package io.github.tencentci.camel;

import java.time.Duration;

import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.emulator.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refusal from the service reaches Camel's poll exception handling with everything support needs, and polling goes
 * on afterwards.
 */
class TencentCiServiceErrorTest extends EmulatorTestSupport {

    @Test
    void aRefusalBecomesAnExceptionWithStatusCodeMessageAndIdsAndPollingGoesOn() throws Exception {
        addJobs(2, "Failed");
        emulator.faults().enqueue(Fault.error(403, "AccessDenied", "the sub-account lacks ci:DescribeInventoryTriggerJobs"));
        startBridgedRoute(jobsUri("bridgeErrorHandler=true"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 2);
        assertThat(getMockEndpoint("mock:errors").getReceivedCounter()).isEqualTo(1);
        Exchange failed = getMockEndpoint("mock:errors").getReceivedExchanges().get(0);
        Throwable cause = failed.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(CiServiceException.class);
        CiServiceException error = (CiServiceException) cause;
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.getErrorCode()).isEqualTo("AccessDenied");
        assertThat(error.getRequestId()).isNotBlank();
        assertThat(error.getTraceId()).isNotBlank();
        assertThat(error.getMessage())
                .contains("HTTP 403", "AccessDenied", "ci:DescribeInventoryTriggerJobs", error.getRequestId(), error.getTraceId())
                .doesNotContain(SECRET_KEY);
    }

    @Test
    void aWrongSecretKeyIsReportedAsASignatureRefusalWithoutTheSecret() throws Exception {
        addJobs(1, "Failed");
        String uri = "tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&secretId=" + SECRET_ID
                     + "&secretKey=wrongKeyThatMustNotLeak&initialDelay=0&delay=50&bridgeErrorHandler=true";
        startBridgedRoute(uri);

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:errors").getReceivedCounter() >= 1);
        Throwable cause = getMockEndpoint("mock:errors").getReceivedExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(CiServiceException.class);
        assertThat(((CiServiceException) cause).getStatusCode()).isEqualTo(401);
        assertThat(((CiServiceException) cause).getErrorCode()).isEqualTo("AccessDenied");
        assertThat(cause.getMessage()).doesNotContain("wrongKeyThatMustNotLeak");
        assertThat(getMockEndpoint("mock:jobs").getReceivedCounter()).isZero();
    }

    @Test
    void unknownElementsAreKeptNotFatal() throws Exception {
        emulator.jobs().add(job("jx", "Failed", 0).toBuilder()
                .extraXml("<FutureField>v2</FutureField><NewBlock><Inner a=\"1\">x</Inner></NewBlock>").build());
        startRoute(jobsUri(""));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 1);
        String xml = getMockEndpoint("mock:jobs").getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(xml).contains("<FutureField>v2</FutureField>").contains("<Inner a=\"1\">x</Inner>");
    }
}
