package io.github.tencentci.camel.parsing;

import java.util.List;

import io.github.tencentci.camel.model.JobsDetail;

/**
 * The answer about one job: of describe ({@code GET /inventorytriggerjob/<jobId>}) or trigger
 * ({@code POST /inventorytriggerjob}).
 *
 * @param requestId      the {@code RequestId} of the response, may be {@code null}
 * @param job            the job, {@code null} when the answer holds none (an unknown id)
 * @param nonExistJobIds the ids the service says do not exist ({@code NonExistJobIds}); never {@code null}
 */
public record JobAnswer(String requestId, JobsDetail job, List<String> nonExistJobIds) {

    public JobAnswer {
        nonExistJobIds = nonExistJobIds == null ? List.of() : List.copyOf(nonExistJobIds);
    }
}
