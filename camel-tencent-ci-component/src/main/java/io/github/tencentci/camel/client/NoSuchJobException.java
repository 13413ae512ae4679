package io.github.tencentci.camel.client;

import java.io.IOException;

/**
 * The service does not know a job id: it named it in {@code NonExistJobIds} of a describe answer (a 200). A refusal
 * with an error status (e.g. 404) is a {@link io.github.tencentci.camel.http.CiServiceException} instead, whose
 * message also names the id.
 */
public class NoSuchJobException extends IOException {

    private final String jobId;
    private final String requestId;

    public NoSuchJobException(String operation, String jobId, String requestId) {
        super(operation + ": job '" + jobId + "' does not exist (the service listed it in NonExistJobIds; RequestId="
              + requestId + ")");
        this.jobId = jobId;
        this.requestId = requestId;
    }

    public String getJobId() {
        return jobId;
    }

    public String getRequestId() {
        return requestId;
    }
}
