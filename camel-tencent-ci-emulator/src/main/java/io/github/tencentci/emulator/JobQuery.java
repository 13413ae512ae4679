package io.github.tencentci.emulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The filter and order of one listing request: everything but {@code size} and {@code nextToken}, so that all the
 * pages of one walk share a key (and {@link JobStore}'s cached view).
 * <p>
 * Parsing validates strictly, to catch client bugs: a bad value (wrong case, {@code +08:00}, a size outside
 * 1–100...) is a 400 InvalidArgument whose message names the parameter, the value and what is allowed. These
 * refusals are the emulator's own: whether the service refuses such values is undocumented. An empty value counts as absent (the product page's own sample sends
 * {@code size=&states=}); unknown parameters are ignored.
 *
 * @param states     the states to keep; empty = all
 * @param type       Workflow, Job, or null for both
 * @param ascending  orderByTime=Asc
 * @param from       startCreationTime (inclusive) or null
 * @param to         endCreationTime (inclusive) or null
 * @param workflowId matched against the ids in Operation/WorkflowIds, or null
 * @param jobId      exact JobId, or null
 * @param name       exact Name, or null
 */
record JobQuery(Set<String> states, String type, boolean ascending, Instant from, Instant to,
                String workflowId, String jobId, String name) {

    static final JobQuery ALL = new JobQuery(Set.of(), null, false, null, null, null, null, null);
    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;

    /** CreationTime then JobId, oldest first; the listing reverses it for Desc. */
    static final Comparator<EmulatedJob> OLDEST_FIRST = Comparator
            .comparing((EmulatedJob job) -> job.creationTime().toInstant())
            .thenComparing(EmulatedJob::jobId);

    static JobQuery parse(Map<String, String> params) {
        return new JobQuery(states(value(params, "states")), type(value(params, "type")),
                ascending(value(params, "orderByTime")), time(params, "startCreationTime"),
                time(params, "endCreationTime"), value(params, "workflowId"), value(params, "jobId"),
                value(params, "name"));
    }

    /** The value of a parameter, null when absent or empty. */
    static String value(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static int size(Map<String, String> params) {
        String text = value(params, "size");
        if (text == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the common message
        }
        throw CiError.invalidArgument("size '" + text + "' is invalid: an integer from 1 to " + MAX_SIZE + " is allowed");
    }

    private static Set<String> states(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> states = new LinkedHashSet<>();
        for (String state : text.split(",", -1)) {
            if ("All".equals(state)) {
                return Set.of();
            }
            if (!EmulatedJob.STATES.contains(state)) {
                throw CiError.invalidArgument("states '" + text + "' holds the unknown state '" + state
                        + "': allowed are All, Submitted, Running, Success, Failed, Pause, Cancel (comma separated)");
            }
            states.add(state);
        }
        return Set.copyOf(states);
    }

    private static String type(String text) {
        if (text == null || EmulatedJob.TYPES.contains(text)) {
            return text;
        }
        throw CiError.invalidArgument("type '" + text + "' is invalid: allowed are Workflow and Job");
    }

    private static boolean ascending(String text) {
        if (text == null || "Desc".equals(text)) {
            return false;
        }
        if ("Asc".equals(text)) {
            return true;
        }
        throw CiError.invalidArgument("orderByTime '" + text + "' is invalid: allowed are Asc and Desc");
    }

    private static Instant time(Map<String, String> params, String name) {
        String text = value(params, name);
        try {
            return text == null ? null : CiTime.parse(text).toInstant();
        } catch (IllegalArgumentException e) {
            throw CiError.invalidArgument(name + " " + e.getMessage());
        }
    }

    /** @return the index in {@code view} (this query's jobs in its order) of the first job after {@code place} */
    int firstAfter(EmulatedJob[] view, NextTokens.Position place) {
        int low = 0;
        int high = view.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int cmp = view[mid].creationTime().toInstant().compareTo(place.creationTime());
            cmp = cmp != 0 ? cmp : view[mid].jobId().compareTo(place.jobId());
            if ((ascending ? cmp : -cmp) > 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    Comparator<EmulatedJob> order() {
        return ascending ? OLDEST_FIRST : OLDEST_FIRST.reversed();
    }

    boolean matches(EmulatedJob job) {
        Instant created = job.creationTime().toInstant();
        return (states.isEmpty() || states.contains(job.state()))
                && (type == null || type.equals(job.type()))
                && (from == null || !created.isBefore(from))
                && (to == null || !created.isAfter(to))
                && (workflowId == null || hasWorkflow(job.workflowIds()))
                && (jobId == null || jobId.equals(job.jobId()))
                && (name == null || name.equals(job.name()));
    }

    private boolean hasWorkflow(String workflowIds) {
        return workflowIds != null && Arrays.stream(workflowIds.split(",")).map(String::trim).anyMatch(workflowId::equals);
    }
}
