package io.github.tencentci.camel.parsing;

import java.util.List;
import java.util.function.Predicate;

import io.github.tencentci.camel.model.JobsDetail;

/**
 * One page of {@code GET /inventorytriggerjob}.
 *
 * @param requestId the {@code RequestId} of the response, may be {@code null}
 * @param jobs      the jobs of the page, in response order (unmodifiable, never {@code null})
 * @param nextToken the {@code NextToken} to ask for the next page with; {@code null} or empty on the last page
 */
public record JobPage(String requestId, List<JobsDetail> jobs, String nextToken) {

    /**
     * @param requestId see above
     * @param jobs      see above; copied
     * @param nextToken see above
     */
    public JobPage {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    /**
     * Whether this is the last page: the API then sends no or an empty {@code NextToken} (inferred, the API
     * documentation does not say).
     *
     * @return {@code true} when there is no next page
     */
    public boolean isLastPage() {
        return nextToken == null || nextToken.isBlank();
    }

    /**
     * This page with only the jobs {@code keep} accepts, in their order; same RequestId and NextToken.
     *
     * @param  keep which jobs to keep
     * @return      the filtered page
     */
    public JobPage only(Predicate<JobsDetail> keep) {
        return new JobPage(requestId, jobs.stream().filter(keep).toList(), nextToken);
    }
}
