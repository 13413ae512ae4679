package io.github.tencentci.camel;

/**
 * What a {@code tencent-ci:jobs} producer does with an exchange: the {@code operation} option, overridden per exchange
 * by the header {@link TencentCiConstants#OPERATION}. The constant names are the option's values.
 */
public enum TencentCiOperations {
    /** Reads one page of the job listing, with the endpoint's filter options. */
    listJobs,
    /** Reads one job by its id. */
    describeJob,
    /** Cancels one job by its id. */
    cancelJob,
    /** Submits a job: again from a {@code JobsDetail}, or from a {@code <Request>} document. */
    triggerJob
}
