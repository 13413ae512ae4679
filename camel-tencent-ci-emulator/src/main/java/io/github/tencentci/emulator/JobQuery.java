package io.github.tencentci.emulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;

/**
 * The filter and order of one listing request: everything but {@code size} and {@code nextToken}, so that all the
 * pages of one walk share a key (and {@link JobStore}'s cached view).
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

    /** CreationTime then JobId, oldest first; the listing reverses it for Desc. */
    static final Comparator<EmulatedJob> OLDEST_FIRST = Comparator
            .comparing((EmulatedJob job) -> job.creationTime().toInstant())
            .thenComparing(EmulatedJob::jobId);

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
