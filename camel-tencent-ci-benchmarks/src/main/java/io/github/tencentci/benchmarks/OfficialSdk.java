package io.github.tencentci.benchmarks;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.UserSpecifiedEndpointBuilder;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.ciModel.job.BatchJobListResponse;
import com.qcloud.cos.model.ciModel.job.BatchJobRequest;
import com.qcloud.cos.region.Region;

/**
 * The official Java SDK (cos_api): {@code COSClient.describeInventoryTriggerJobs} page by page.
 * <p>
 * Pointing it at the emulator takes three settings: a {@link UserSpecifiedEndpointBuilder} (for CI requests the
 * SDK otherwise builds {@code <bucket>.ci.<region>.myqcloud.com} itself), plain HTTP, and
 * {@code ciSpecialRequest=true} (without it the SDK forces HTTPS on every CI request).
 */
final class OfficialSdk implements Contender {

    private COSClient cos;

    @Override
    public String name() {
        return "official SDK (cos_api 5.6.265)";
    }

    @Override
    public void prepare(ListingService service) {
        ClientConfig config = new ClientConfig(new Region("ap-chongqing"));
        config.setHttpProtocol(HttpProtocol.http);
        config.setCiSpecialRequest(true);
        config.setEndpointBuilder(new UserSpecifiedEndpointBuilder(service.hostAndPort(), service.hostAndPort()));
        cos = new COSClient(new BasicCOSCredentials(service.secretId(), service.secretKey()), config);
    }

    @Override
    public long readAll(ListingService service) {
        long jobs = 0;
        String token = null;
        do {
            BatchJobRequest request = new BatchJobRequest();
            request.setBucketName(ListingService.BUCKET);
            request.setSize(service.pageSize());
            request.setNextToken(token);
            BatchJobListResponse page = cos.describeInventoryTriggerJobs(request);
            jobs += page.getJobsDetailList().size();
            token = page.getNextToken() == null || page.getNextToken().isBlank() ? null : page.getNextToken();
        } while (token != null);
        return jobs;
    }

    @Override
    public void close() {
        cos.shutdown();
    }
}
