package io.github.tencentci.camel;

import java.time.OffsetDateTime;
import java.util.Map;

import io.github.tencentci.camel.model.JobsDetail;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultMessage;

/**
 * The message of an emitted job: body {@link JobsDetail}, headers {@code CamelTencentCi*}. The headers are put into
 * the header map only when something first asks for headers, through the hook Camel provides for this
 * ({@link DefaultMessage#populateInitialHeaders}, as camel-jms and camel-mail use it): a route that reads the body
 * alone never builds the map, which was a tenth of the consumer's work per exchange. What they hold is taken from the
 * job when the message is made, so a later change of the body does not change them.
 */
final class TencentCiMessage extends DefaultMessage {

    private final String jobId;
    private final String state;
    private final String type;
    private final String name;
    private final OffsetDateTime creationTime;
    private final String requestId;

    TencentCiMessage(Exchange exchange, JobsDetail job, String requestId) {
        super(exchange);
        this.jobId = job.getJobId();
        this.state = job.getState();
        this.type = job.getType();
        this.name = job.getName();
        this.creationTime = job.getCreationTime();
        this.requestId = requestId;
        setBody(job);
    }

    @Override
    protected boolean isPopulateHeadersSupported() {
        return true;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> map) {
        map.put(TencentCiConstants.JOB_ID, jobId);
        map.put(TencentCiConstants.JOB_STATE, state);
        map.put(TencentCiConstants.JOB_TYPE, type);
        map.put(TencentCiConstants.JOB_NAME, name);
        map.put(TencentCiConstants.CREATION_TIME, creationTime);
        map.put(TencentCiConstants.REQUEST_ID, requestId);
    }
}
