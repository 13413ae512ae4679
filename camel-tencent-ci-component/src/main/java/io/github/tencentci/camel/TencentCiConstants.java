package io.github.tencentci.camel;

import org.apache.camel.spi.Metadata;

/**
 * The headers that the {@code tencent-ci} consumer sets on every exchange.
 */
public final class TencentCiConstants {

    @Metadata(description = "The JobId of the job.", javaType = "String")
    public static final String JOB_ID = "CamelTencentCiJobId";
    @Metadata(description = "The state of the job when it was listed: Submitted, Running, Success, Failed, Pause or Cancel.",
              javaType = "String")
    public static final String JOB_STATE = "CamelTencentCiJobState";
    @Metadata(description = "The type of the job: Job or Workflow.", javaType = "String")
    public static final String JOB_TYPE = "CamelTencentCiJobType";
    @Metadata(description = "The name of the job.", javaType = "String")
    public static final String JOB_NAME = "CamelTencentCiJobName";
    @Metadata(description = "When the job was created.", javaType = "java.time.OffsetDateTime")
    public static final String CREATION_TIME = "CamelTencentCiCreationTime";
    @Metadata(description = "The RequestId of the listing page the job came in, for support cases with Tencent Cloud.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelTencentCiRequestId";

    private TencentCiConstants() {
    }
}
