package io.github.tencentci.camel;

import java.time.Duration;

import io.github.tencentci.camel.resilience.LogCapture;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the component sends for the real network, checked on the wire by an emulator that verifies every signature
 * strictly: the Host header of a private endpoint, regions, and filter values with outer spaces.
 */
class NetworkOptionsTest extends EmulatorTestSupport {

    private static final String CI_DOMAIN = "examplebucket-1250000000.ci.ap-chongqing.myqcloud.com";

    @Test
    void aPrivateEndpointSendsAndSignsTheHostTheServiceExpects() throws Exception {
        emulator.jobs().add(job("j1", "Failed", 0));
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedHeaderReceived(TencentCiConstants.JOB_ID, "j1");

        // endpoint: the address the request goes to; hostHeader: the name the service answers to
        startRoute(jobsUri("hostHeader=" + CI_DOMAIN));

        mock.assertIsSatisfied(Duration.ofSeconds(10).toMillis());
        RecordedRequest request = emulator.takeRequest();
        assertThat(request.headers()).containsEntry("host", CI_DOMAIN);
        assertThat(request.headers().get("authorization")).contains("q-header-list=host");
        assertThat(request.status()).isEqualTo(200);
    }

    @Test
    void withoutHostHeaderAnEndpointIsItsOwnHost() throws Exception {
        emulator.jobs().add(job("j1", "Failed", 0));
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(1);

        startRoute(jobsUri(""));

        mock.assertIsSatisfied(Duration.ofSeconds(10).toMillis());
        assertThat(emulator.takeRequest().headers())
                .containsEntry("host", emulator.baseUrl().substring("http://".length()));
    }

    @Test
    void aBareRegionFailsFastSuggestingItsFullName() {
        assertThatThrownBy(() -> context.getEndpoint(
                "tencent-ci:jobs?bucket=examplebucket-1250000000&region=chongqing&secretId=a&secretKey=b"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("region 'chongqing' is not a Tencent Cloud region name such as ap-chongqing:"
                                      + " did you mean ap-chongqing?");
        assertThatThrownBy(() -> context.getEndpoint(
                "tencent-ci:jobs?bucket=examplebucket-1250000000&region=AP_Guangzhou&secretId=a&secretKey=b"))
                .hasMessageContaining("region 'AP_Guangzhou' is not a Tencent Cloud region name such as ap-chongqing");
        assertThat(context.getEndpoint(
                "tencent-ci:jobs?bucket=examplebucket-1250000000&region=ap-shanghai-fsi&secretId=a&secretKey=b"))
                .isInstanceOf(TencentCiEndpoint.class);
    }

    @Test
    void aHostHeaderMustBeAHostName() {
        assertThatThrownBy(() -> context.getEndpoint(jobsUri("hostHeader=https://" + CI_DOMAIN)))
                .hasMessageContaining("hostHeader 'https://" + CI_DOMAIN + "' must be a host name with an optional port");
    }

    @Test
    void aFilterWithOuterSpacesIsSentAndSignedAsWrittenAndWarnedAbout() throws Exception {
        emulator.jobs().add(EmulatedJob.builder().jobId("j1").name(" nightly ").type("Job").state("Failed")
                .creationTime(T0).build());
        emulator.jobs().add(EmulatedJob.builder().jobId("j2").name("nightly").type("Job").state("Failed")
                .creationTime(T0).build());
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedHeaderReceived(TencentCiConstants.JOB_ID, "j1");

        try (LogCapture log = LogCapture.of(Level.WARN, "io.github.tencentci")) {
            startRoute(jobsUri("name=RAW( nightly )"));
            mock.assertIsSatisfied(Duration.ofSeconds(10).toMillis());
            assertThat(log.linesContaining("spaces")).containsExactly("WARN io.github.tencentci.camel.TencentCiComponent"
                    + " - tencent-ci option name ' nightly ' has spaces at its start or end; it is sent and signed as written");
        }
        RecordedRequest request = emulator.takeRequest();
        assertThat(request.params()).containsEntry("name", " nightly ");
        assertThat(request.rawQuery()).contains("name=%20nightly%20");
        assertThat(request.status()).isEqualTo(200);
    }
}
