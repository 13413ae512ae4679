package io.github.tencentci.camel.client;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.tencentci.camel.model.CiTimeFormat;

/**
 * The filter of a listing request, typed; it becomes the service's query parameters only when a request is built
 * ({@link #parameters(String)}). Immutable: each {@code with...} returns a copy.
 *
 * @param size              jobs per page, 1 to 100
 * @param type              {@code null} for the service's default
 * @param orderByTime       {@code null} for the service's default
 * @param states            in the order they are sent; empty for the service's default
 * @param startCreationTime {@code null} for no lower bound
 * @param endCreationTime   {@code null} for no upper bound
 * @param workflowId        {@code null} or empty for any
 * @param jobId             {@code null} or empty for any
 * @param name              {@code null} or empty for any
 */
public record JobListingQuery(
        int size, JobType type, OrderByTime orderByTime, Set<JobState> states, OffsetDateTime startCreationTime,
        OffsetDateTime endCreationTime, String workflowId, String jobId, String name) {

    public JobListingQuery {
        states = states == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(states));
    }

    /** Every job, 100 a page, in the service's default order. */
    public static JobListingQuery all() {
        return new JobListingQuery(100, null, null, null, null, null, null, null, null);
    }

    /** A copy whose creation-time window starts at the later of its own start and {@code start}. */
    public JobListingQuery withStartCreationTimeAtLeast(OffsetDateTime start) {
        if (startCreationTime != null && !startCreationTime.isBefore(start)) {
            return this;
        }
        return new JobListingQuery(size, type, orderByTime, states, start, endCreationTime, workflowId, jobId, name);
    }

    /** A copy that lists only jobs in these states; an empty set for any state. */
    public JobListingQuery withStates(Set<JobState> only) {
        return new JobListingQuery(size, type, orderByTime, only, startCreationTime, endCreationTime, workflowId, jobId, name);
    }

    /** A copy that lists only the job with this id. */
    public JobListingQuery withJobId(String only) {
        return new JobListingQuery(size, type, orderByTime, states, startCreationTime, endCreationTime, workflowId, only, name);
    }

    /** A copy with this many jobs a page. */
    public JobListingQuery withSize(int pageSize) {
        return new JobListingQuery(pageSize, type, orderByTime, states, startCreationTime, endCreationTime, workflowId, jobId, name);
    }

    /** The query parameters for one page, in the service's spelling; {@code nextToken} is {@code null} for the first. */
    public Map<String, String> parameters(String nextToken) {
        Map<String, String> parameters = new LinkedHashMap<>(16);
        parameters.put("size", Integer.toString(size));
        put(parameters, "type", type == null ? null : type.name());
        put(parameters, "orderByTime", orderByTime == null ? null : orderByTime.name());
        put(parameters, "states", states.stream().map(Enum::name).collect(Collectors.joining(",")));
        put(parameters, "startCreationTime", startCreationTime == null ? null : CiTimeFormat.format(startCreationTime));
        put(parameters, "endCreationTime", endCreationTime == null ? null : CiTimeFormat.format(endCreationTime));
        put(parameters, "workflowId", workflowId);
        put(parameters, "jobId", jobId);
        put(parameters, "name", name);
        put(parameters, "nextToken", nextToken);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.put(key, value);
        }
    }
}
