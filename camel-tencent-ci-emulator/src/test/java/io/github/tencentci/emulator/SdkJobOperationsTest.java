package io.github.tencentci.emulator;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.UserSpecifiedEndpointBuilder;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.ciModel.common.BatchInputObject;
import com.qcloud.cos.model.ciModel.job.BatchJobDetail;
import com.qcloud.cos.model.ciModel.job.BatchJobOperation;
import com.qcloud.cos.model.ciModel.job.BatchJobRequest;
import com.qcloud.cos.model.ciModel.job.BatchJobResponse;
import com.qcloud.cos.region.Region;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tencent's official Java SDK (cos_api) describing, cancelling and creating jobs against the emulator: the
 * emulator's request shapes and signature check agree with what the SDK sends and reads.
 */
class SdkJobOperationsTest {

    private static final String BUCKET = "examplebucket-1250000000";

    private CiEmulator emulator;
    private COSClient cos;

    @BeforeEach
    void start() {
        emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start();
        emulator.jobs().add(EmulatedJob.builder().jobId("b1").type("Workflow").name("nightly").state("Running")
                .creationTime(OffsetDateTime.of(2022, 6, 27, 15, 23, 10, 0, ZoneOffset.ofHours(8)))
                .inputPrefix("input/").workflowIds("w1").build());
        ClientConfig config = new ClientConfig(new Region("ap-chongqing"));
        config.setHttpProtocol(HttpProtocol.http);
        config.setCiSpecialRequest(true); // else the SDK forces HTTPS on CI requests
        String hostAndPort = "127.0.0.1:" + emulator.port();
        config.setEndpointBuilder(new UserSpecifiedEndpointBuilder(hostAndPort, hostAndPort));
        cos = new COSClient(new BasicCOSCredentials(SECRET_ID, SECRET_KEY), config);
    }

    @AfterEach
    void stop() {
        cos.shutdown();
        emulator.close();
    }

    @Test
    void describesAJob() {
        BatchJobDetail job = cos.describeInventoryTriggerJob(request("b1")).getJobDetail();

        assertThat(job.getJobId()).isEqualTo("b1");
        assertThat(job.getState()).isEqualTo("Running");
        assertThat(job.getName()).isEqualTo("nightly");
        assertThat(job.getCreationTime()).isEqualTo("2022-06-27T15:23:10+0800");
        assertThat(job.getInput().getPrefix()).isEqualTo("input/");
        assertThat(job.getOperation().getWorkflowIds()).isEqualTo("w1");
        assertThat(emulator.takeRequest().toString()).isEqualTo("GET /inventorytriggerjob/b1 -> 200");
    }

    @Test
    void cancelsAJobWithTheCancelParameterSigned() {
        assertThat(cos.cancelInventoryTriggerJob(request("b1"))).isTrue();

        assertThat(emulator.jobs().get("b1").orElseThrow().state()).isEqualTo("Cancel");
        RecordedRequest put = emulator.takeRequest();
        assertThat(put.toString()).isEqualTo("PUT /inventorytriggerjob/b1?cancel -> 200");
        assertThat(put.headers().get("authorization")).contains("&q-url-param-list=cancel&");
    }

    @Test
    void reportsCancellingAFinishedJobAsAServiceError() {
        emulator.jobs().setState("b1", "Success");

        assertThatThrownBy(() -> cos.cancelInventoryTriggerJob(request("b1")))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.getErrorMessage()).contains("'b1'", "Success");
                });
    }

    @Test
    void createsAWorkflowJob() {
        BatchJobRequest create = new BatchJobRequest();
        create.setBucketName(BUCKET);
        create.setName("from the sdk");
        create.setType("Workflow");
        BatchInputObject input = new BatchInputObject();
        input.setPrefix("input/2/");
        create.setInput(input);
        BatchJobOperation operation = new BatchJobOperation();
        operation.setWorkflowIds("w7476ff3564ee45b7b490d64bccaba6cc");
        operation.setUserData("sdk");
        create.setOperation(operation);

        BatchJobResponse response = cos.createInventoryTriggerJob(create);

        BatchJobDetail created = response.getJobDetail();
        assertThat(created.getState()).isEqualTo("Submitted");
        assertThat(created.getName()).isEqualTo("from the sdk");
        EmulatedJob stored = emulator.jobs().get(created.getJobId()).orElseThrow();
        assertThat(stored.workflowIds()).isEqualTo("w7476ff3564ee45b7b490d64bccaba6cc");
        assertThat(stored.toXml()).contains("<UserData>sdk</UserData>", "<Prefix>input/2/</Prefix>");
        assertThat(emulator.takeRequest().toString()).isEqualTo("POST /inventorytriggerjob -> 200");
    }

    private static BatchJobRequest request(String jobId) {
        BatchJobRequest request = new BatchJobRequest();
        request.setBucketName(BUCKET);
        request.setJobId(jobId);
        return request;
    }
}
