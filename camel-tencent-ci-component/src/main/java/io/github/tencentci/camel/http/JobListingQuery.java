package io.github.tencentci.camel.http;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.tencentci.camel.model.CiTimeFormat;

/**
 * The filter part of a listing request ({@code size}, {@code states}, {@code type}, ...), in the service's spelling
 * and format, ready to be combined with a {@code nextToken}. Immutable.
 */
public final class JobListingQuery {

    private final Map<String, String> parameters;

    private JobListingQuery(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The query parameters for one page; {@code nextToken} may be {@code null} for the first page. */
    public Map<String, String> parameters(String nextToken) {
        if (nextToken == null || nextToken.isEmpty()) {
            return parameters;
        }
        Map<String, String> withToken = new LinkedHashMap<>(parameters);
        withToken.put("nextToken", nextToken);
        return withToken;
    }

    /** A copy whose creation-time window starts at the later of its own start and {@code start}. */
    public JobListingQuery withStartCreationTimeAtLeast(OffsetDateTime start) {
        String current = parameters.get("startCreationTime");
        if (current != null && !CiTimeFormat.parse(current).isBefore(start)) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put("startCreationTime", CiTimeFormat.format(start));
        return new JobListingQuery(copy);
    }

    @Override
    public String toString() {
        return parameters.toString();
    }

    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();

        public Builder size(int size) {
            parameters.put("size", Integer.toString(size));
            return this;
        }

        public Builder type(String type) {
            return put("type", type);
        }

        public Builder orderByTime(String orderByTime) {
            return put("orderByTime", orderByTime);
        }

        public Builder states(String states) {
            return put("states", states);
        }

        public Builder startCreationTime(OffsetDateTime time) {
            return put("startCreationTime", time == null ? null : CiTimeFormat.format(time));
        }

        public Builder endCreationTime(OffsetDateTime time) {
            return put("endCreationTime", time == null ? null : CiTimeFormat.format(time));
        }

        public Builder workflowId(String workflowId) {
            return put("workflowId", workflowId);
        }

        public Builder jobId(String jobId) {
            return put("jobId", jobId);
        }

        public Builder name(String name) {
            return put("name", name);
        }

        private Builder put(String key, String value) {
            if (value != null && !value.isEmpty()) {
                parameters.put(key, value);
            }
            return this;
        }

        public JobListingQuery build() {
            return new JobListingQuery(new LinkedHashMap<>(parameters));
        }
    }
}
