package io.github.tencentci.camel;

import org.apache.camel.spi.Metadata;

/**
 * The headers of {@code tencent-ci}: those the consumer sets on every exchange, and those the producer reads and sets.
 */
public final class TencentCiConstants {

    @Metadata(description = "The JobId of the job. The consumer sets it; the producer's describeJob and cancelJob act on"
                            + " the job it names (else on the jobId option), and describeJob and triggerJob set it to the"
                            + " id of the job they answer with.", javaType = "String")
    public static final String JOB_ID = "CamelTencentCiJobId";
    @Metadata(description = "The state of the job when it was listed, described or triggered: Submitted, Running, Success, Failed, Pause or Cancel.",
              javaType = "String")
    public static final String JOB_STATE = "CamelTencentCiJobState";
    @Metadata(description = "The type of the job: Job or Workflow.", javaType = "String")
    public static final String JOB_TYPE = "CamelTencentCiJobType";
    @Metadata(description = "The name of the job.", javaType = "String")
    public static final String JOB_NAME = "CamelTencentCiJobName";
    @Metadata(description = "When the job was created.", javaType = "java.time.OffsetDateTime")
    public static final String CREATION_TIME = "CamelTencentCiCreationTime";
    @Metadata(description = "The RequestId of the answer the job came in (a listing page, or the producer's describeJob,"
                            + " cancelJob, triggerJob or listJobs), for support cases with Tencent Cloud.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelTencentCiRequestId";
    @Metadata(label = "producer", description = "The operation the producer performs, overriding the operation option:"
                                                + " listJobs, describeJob, cancelJob or triggerJob.",
              javaType = "io.github.tencentci.camel.TencentCiOperations")
    public static final String OPERATION = "CamelTencentCiOperation";
    @Metadata(label = "producer", description = "listJobs: the NextToken of the page to read (absent for the first);"
                                                + " on the way out, the NextToken of the next page, absent after the"
                                                + " last page.", javaType = "String")
    public static final String NEXT_TOKEN = "CamelTencentCiNextToken";

    private TencentCiConstants() {
    }
}
