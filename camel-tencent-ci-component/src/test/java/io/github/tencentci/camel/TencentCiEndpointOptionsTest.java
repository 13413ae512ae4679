package io.github.tencentci.camel;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad options fail when the endpoint is created, with a message naming the option, the value and what is allowed.
 */
class TencentCiEndpointOptionsTest extends CamelTestSupport {

    private static final String BASE = "tencent-ci:jobs?bucket=examplebucket-1250000000&region=ap-chongqing"
                                       + "&secretId=AKIDoptions&secretKey=optionsSecretKeyValue";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "size=0                                   | size 0 is out of range: allowed 1 to 100",
            "size=101                                 | size 101 is out of range: allowed 1 to 100",
            "states=Failed,Broken                     | states 'Broken' is not allowed",
            "type=Task                                | type 'Task' is not allowed: use one of [Workflow, Job]",
            "orderByTime=Newest                       | orderByTime 'Newest' is not allowed: use one of [Asc, Desc]",
            "startCreationTime=yesterday              | startCreationTime 'yesterday' is not a time",
            "endCreationTime=2024-13-01T00:00:00+0800 | endCreationTime '2024-13-01T00:00:00+0800' is not a time",
            "maxMessagesPerPoll=-1                    | maxMessagesPerPoll -1 must be 0 (no limit) or more",
            "idempotentCacheSize=0                    | idempotentCacheSize 0 must be from 1 to 268435456",
            "idempotentCacheSize=268435457            | idempotentCacheSize 268435457 must be from 1 to 268435456",
            "endpoint=ftp://host                      | endpoint 'ftp://host' must be an http or https URL",
    })
    void rejectsABadOptionNamingItsValueAndWhatIsAllowed(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint(BASE + "&" + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("optionsSecretKeyValue");
    }

    @Test
    void requiresBucketAndRegionUnlessAnEndpointIsSet() {
        assertThatThrownBy(() -> context.getEndpoint("tencent-ci:jobs?secretId=a&secretKey=b"))
                .hasMessageContaining("bucket is required").hasMessageContaining("region is required");
        assertThatThrownBy(() -> context.getEndpoint("tencent-ci:jobs?bucket=nobucketappid&region=ap-x&secretId=a&secretKey=b"))
                .hasMessageContaining("bucket 'nobucketappid' is not of the form BucketName-APPID");
        assertThat(context.getEndpoint("tencent-ci:jobs?endpoint=http://127.0.0.1:9&secretId=a&secretKey=b"))
                .isInstanceOf(TencentCiEndpoint.class);
    }

    @Test
    void rejectsAStartAfterTheEnd() {
        assertThatThrownBy(() -> context.getEndpoint(BASE + "&startCreationTime=2025-01-02T00:00:00Z"
                                                     + "&endCreationTime=2025-01-01T00:00:00Z"))
                .hasMessageContaining("is after endCreationTime");
    }

    @Test
    void rejectsAnUnknownResource() {
        assertThatThrownBy(() -> context.getEndpoint("tencent-ci:queues?endpoint=http://127.0.0.1:9&secretId=a&secretKey=b"))
                .hasMessageContaining("Unknown tencent-ci resource 'queues'");
    }

    @Test
    void acceptsEveryValidSpellingAndKeepsSecretsOutOfToString() {
        TencentCiEndpoint endpoint = context.getEndpoint(BASE + "&states=failed, running,Cancel&type=JOB&orderByTime=desc"
                                                         + "&startCreationTime=2024-12-31T12:00:00%2B08:00"
                                                         + "&sessionToken=stsTokenValue", TencentCiEndpoint.class);
        assertThat(endpoint.getConfiguration().listingQuery().parameters(null))
                .containsEntry("states", "Failed,Running,Cancel")
                .containsEntry("type", "Job")
                .containsEntry("orderByTime", "Desc")
                .containsEntry("startCreationTime", "2024-12-31T12:00:00+0800")
                .containsEntry("size", "100");
        assertThat(endpoint.toString()).doesNotContain("optionsSecretKeyValue").doesNotContain("stsTokenValue");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("optionsSecretKeyValue")
                .doesNotContain("stsTokenValue").doesNotContain("AKIDoptions");
    }

    @Test
    void noCredentialsAnywhereIsAnError() {
        // the test JVM has no TENCENTCLOUD_* variables
        assertThatThrownBy(() -> context.getEndpoint("tencent-ci:jobs?bucket=examplebucket-1250000000&region=ap-chongqing"))
                .hasMessageContaining("secretId is required").hasMessageContaining("TENCENTCLOUD_SECRET_ID");
    }
}
