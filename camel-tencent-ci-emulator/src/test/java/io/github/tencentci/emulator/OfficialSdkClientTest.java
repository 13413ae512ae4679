package io.github.tencentci.emulator;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.BasicSessionCredentials;
import com.qcloud.cos.auth.COSCredentials;
import com.qcloud.cos.endpoint.UserSpecifiedEndpointBuilder;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.ciModel.job.BatchJobListResponse;
import com.qcloud.cos.model.ciModel.job.BatchJobRequest;
import com.qcloud.cos.region.Region;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official Java SDK (cos_api) as a client of the emulator, unchanged: what it signs and sends the service
 * accepts, so the emulator must too, with permanent and with temporary credentials.
 */
class OfficialSdkClientTest {

    private static final String TOKEN = "sessionTokenFromSts/abc+=";

    @Test
    void walksTheListingWithPermanentCredentials() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start()) {
            List<EmulatedJob> seeded = emulator.jobs().seed(25, 11L);

            List<String> seen = walk(emulator, new BasicCOSCredentials(SECRET_ID, SECRET_KEY));

            assertThat(seen).containsExactlyElementsOf(emulator.jobs().all().stream().map(EmulatedJob::jobId).toList());
            assertThat(seen).hasSameSizeAs(seeded);
            assertThat(emulator.requests().all()).extracting(RecordedRequest::status).containsOnly(200).hasSize(3);
        }
    }

    @Test
    void walksTheListingWithTemporaryCredentialsWhoseTokenGoesUnsigned() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).sessionToken(TOKEN).start()) {
            emulator.jobs().seed(12, 5L);

            List<String> seen = walk(emulator, new BasicSessionCredentials(SECRET_ID, SECRET_KEY, TOKEN));

            assertThat(seen).hasSize(12);
            RecordedRequest first = emulator.takeRequest();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.headers()).containsEntry("x-cos-security-token", TOKEN);
            assertThat(first.headers().get("authorization")).doesNotContain("x-cos-security-token");
        }
    }

    @Test
    void aWrongTokenIsRefusedAndStrictSigningRefusesTheSdksUnsignedToken() {
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).sessionToken(TOKEN).start()) {
            assertThatThrownBy(() -> walk(emulator, new BasicSessionCredentials(SECRET_ID, SECRET_KEY, "stolen")))
                    .isInstanceOfSatisfying(CosServiceException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(401);
                        assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
                    });
        }
        try (CiEmulator strict = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).sessionToken(TOKEN)
                .strictSigning(true).start()) {
            assertThatThrownBy(() -> walk(strict, new BasicSessionCredentials(SECRET_ID, SECRET_KEY, TOKEN)))
                    .isInstanceOfSatisfying(CosServiceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
        }
    }

    /**
     * Pointing the SDK at the emulator takes a {@link UserSpecifiedEndpointBuilder}, plain HTTP and
     * {@code ciSpecialRequest=true} (without it the SDK forces HTTPS on CI requests).
     */
    private static List<String> walk(CiEmulator emulator, COSCredentials credentials) {
        String hostAndPort = "127.0.0.1:" + emulator.port();
        ClientConfig config = new ClientConfig(new Region("ap-chongqing"));
        config.setHttpProtocol(HttpProtocol.http);
        config.setCiSpecialRequest(true);
        config.setMaxErrorRetry(0);
        config.setEndpointBuilder(new UserSpecifiedEndpointBuilder(hostAndPort, hostAndPort));
        COSClient cos = new COSClient(credentials, config);
        try {
            List<String> jobIds = new ArrayList<>();
            String token = null;
            do {
                BatchJobRequest request = new BatchJobRequest();
                request.setBucketName("examplebucket-1250000000");
                request.setSize(10);
                request.setNextToken(token);
                BatchJobListResponse page = cos.describeInventoryTriggerJobs(request);
                page.getJobsDetailList().forEach(job -> jobIds.add(job.getJobId()));
                token = page.getNextToken() == null || page.getNextToken().isBlank() ? null : page.getNextToken();
            } while (token != null);
            return jobIds;
        } finally {
            cos.shutdown();
        }
    }
}
