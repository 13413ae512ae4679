package io.github.tencentci.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import io.github.tencentci.camel.client.JobListingQuery;
import io.github.tencentci.camel.client.TencentCiClient;
import io.github.tencentci.camel.http.StopAwareWaiter;
import io.github.tencentci.camel.http.ThrottleRetry;
import io.github.tencentci.camel.model.JobRequest;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.parsing.JobAnswer;
import io.github.tencentci.camel.parsing.JobPage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Acts on the jobs of the endpoint's bucket, one {@link TencentCiOperations operation} per exchange, through the same
 * {@link TencentCiClient} as the consumer. A throttled or unavailable answer (429, 503) is retried under the
 * endpoint's retry options, the budget counting per exchange; any other refusal fails the exchange with the client's
 * {@link io.github.tencentci.camel.http.CiServiceException}.
 */
public class TencentCiProducer extends DefaultProducer {

    private TencentCiClient client;
    private JobListingQuery listingQuery;

    public TencentCiProducer(TencentCiEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentCiEndpoint getEndpoint() {
        return (TencentCiEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().getClient();
        listingQuery = getEndpoint().getConfiguration().listingQuery();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        TencentCiOperations operation = operation(exchange);
        switch (operation) {
            case listJobs -> listJobs(exchange);
            case describeJob -> describeJob(exchange);
            case cancelJob -> cancelJob(exchange);
            case triggerJob -> triggerJob(exchange);
        }
    }

    private void listJobs(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String token = message.getHeader(TencentCiConstants.NEXT_TOKEN, String.class);
        String pageToken = token == null || token.isBlank() ? null : token;
        JobPage page = retrying("listJobs" + (pageToken == null ? "" : " at NextToken " + pageToken),
                () -> client.listJobs(listingQuery, pageToken));
        message.setBody(page.jobs());
        if (page.isLastPage()) {
            message.removeHeader(TencentCiConstants.NEXT_TOKEN);
        } else {
            message.setHeader(TencentCiConstants.NEXT_TOKEN, page.nextToken());
        }
        message.setHeader(TencentCiConstants.REQUEST_ID, page.requestId());
    }

    private void describeJob(Exchange exchange) throws IOException {
        String jobId = jobId(exchange, TencentCiOperations.describeJob);
        JobAnswer answer = retrying("describeJob of job '" + jobId + "'", () -> client.describeJob(jobId));
        setJob(exchange.getMessage(), answer);
    }

    private void cancelJob(Exchange exchange) throws IOException {
        String jobId = jobId(exchange, TencentCiOperations.cancelJob);
        String requestId = retrying("cancelJob of job '" + jobId + "'", () -> client.cancelJob(jobId));
        exchange.getMessage().setHeader(TencentCiConstants.REQUEST_ID, requestId);
    }

    private void triggerJob(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        JobAnswer answer;
        if (body instanceof JobsDetail job) {
            JobRequest request = JobRequest.resubmitting(job);
            answer = retrying("triggerJob of '" + job.getName() + "' (again, was job '" + job.getJobId() + "')",
                    () -> client.triggerJob(request));
        } else {
            byte[] requestXml = requestXml(body);
            answer = retrying("triggerJob", () -> client.triggerJob(requestXml));
        }
        setJob(exchange.getMessage(), answer);
    }

    /** The {@code <Request>} document of a triggerJob body that is not a JobsDetail, as it came. */
    private static byte[] requestXml(Object body) throws IOException {
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            }
        }
        throw new IllegalArgumentException("triggerJob needs a body: a JobsDetail (submitted again) or the <Request> XML"
                                           + " as String, InputStream or byte[]; the body is "
                                           + (body == null ? "null" : "a " + body.getClass().getName()));
    }

    private static void setJob(Message message, JobAnswer answer) {
        JobsDetail job = answer.job();
        message.setBody(job);
        message.setHeader(TencentCiConstants.JOB_ID, job.getJobId());
        message.setHeader(TencentCiConstants.JOB_STATE, job.getState());
        message.setHeader(TencentCiConstants.JOB_TYPE, job.getType());
        message.setHeader(TencentCiConstants.JOB_NAME, job.getName());
        message.setHeader(TencentCiConstants.CREATION_TIME, job.getCreationTime());
        message.setHeader(TencentCiConstants.REQUEST_ID, answer.requestId());
    }

    private <T> T retrying(String what, ThrottleRetry.Request<T> request) throws IOException {
        ThrottleRetry retry = new ThrottleRetry(getEndpoint().retryPolicy(), new StopAwareWaiter(this::isRunAllowed),
                (cause, delay) -> { }, "the exchange fails");
        return retry.call(what, request);
    }

    /** The header, else the option, else listJobs; a header value that is no operation fails the exchange. */
    private TencentCiOperations operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(TencentCiConstants.OPERATION);
        if (header instanceof TencentCiOperations operation) {
            return operation;
        }
        if (header != null) {
            String name = header.toString().trim();
            return Arrays.stream(TencentCiOperations.values())
                    .filter(operation -> operation.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Header " + TencentCiConstants.OPERATION + " '" + name
                                                                    + "' is not an operation: use one of "
                                                                    + Arrays.toString(TencentCiOperations.values())));
        }
        TencentCiOperations option = getEndpoint().getOperation();
        return option != null ? option : TencentCiOperations.listJobs;
    }

    private String jobId(Exchange exchange, TencentCiOperations operation) {
        String header = exchange.getMessage().getHeader(TencentCiConstants.JOB_ID, String.class);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String option = getEndpoint().getConfiguration().getJobId();
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        throw new IllegalArgumentException(operation + " needs a job id: set the header " + TencentCiConstants.JOB_ID
                                           + " or the endpoint option jobId");
    }
}
