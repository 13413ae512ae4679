package io.github.tencentci.emulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jobs the emulator serves, keyed by JobId. Thread-safe; tests change it while a client is polling.
 * <p>
 * Built for large listings (100,000 jobs): each job's XML is rendered once, and the filtered, sorted view of a
 * query is computed once per store version, so a 100-per-page walk costs one sort, not one per page.
 */
public final class JobStore {

    private static final int MAX_CACHED_VIEWS = 32;

    private final Map<String, EmulatedJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final Map<JobQuery, View> views = new ConcurrentHashMap<>();
    private final Clock clock;

    JobStore(Clock clock) {
        this.clock = clock;
    }

    /** Adds a job, replacing any job with the same JobId. @return the job */
    public EmulatedJob add(EmulatedJob job) {
        jobs.put(job.jobId(), job);
        version.incrementAndGet();
        return job;
    }

    /** Adds jobs, replacing those with the same JobIds. */
    public void addAll(Collection<EmulatedJob> newJobs) {
        newJobs.forEach(job -> jobs.put(job.jobId(), job));
        version.incrementAndGet();
    }

    /** Adds jobs, replacing those with the same JobIds. */
    public void addAll(EmulatedJob... newJobs) {
        addAll(Arrays.asList(newJobs));
    }

    /**
     * Moves a job to another state as the product page shows jobs: Submitted and Pause have StartTime and EndTime
     * {@code -}; Running keeps both as they are (so {@code -} until the job starts, as the page's first job, and
     * possibly an EndTime already, as its second); Success and Failed set EndTime, and StartTime if still
     * {@code -}; Cancel sets EndTime only. Success sets Code {@code Success} and an empty Message; Failed sets Code
     * {@code InternalError} (one of CI's documented error codes) unless the job already carries a failure code.
     * Times are the emulator's clock at the offset of the job's CreationTime. To start a Running job, give it a
     * StartTime: {@code add(job.toBuilder().startTime(...).build())}.
     *
     * @return the job in its new state
     * @throws IllegalArgumentException when the state is unknown or no job has that JobId
     */
    public EmulatedJob setState(String jobId, String state) {
        if (!EmulatedJob.STATES.contains(state)) {
            throw new IllegalArgumentException("state '" + state + "' is not one of " + EmulatedJob.STATES);
        }
        EmulatedJob changed = jobs.computeIfPresent(jobId, (id, job) -> moved(job, state));
        if (changed == null) {
            throw new IllegalArgumentException("no job with JobId '" + jobId + "'");
        }
        version.incrementAndGet();
        return changed;
    }

    /**
     * Moves a job to {@code state} as {@link #setState} does, but only when it is in one of {@code from}; the check
     * and the move are one step, so live mode cannot finish the job in between.
     *
     * @return the job as it was before (unchanged in the store when its state was not in {@code from}), or null when
     *         no job has that JobId
     */
    EmulatedJob transition(String jobId, Set<String> from, String state) {
        EmulatedJob[] before = new EmulatedJob[1];
        jobs.computeIfPresent(jobId, (id, job) -> {
            before[0] = job;
            return from.contains(job.state()) ? moved(job, state) : job;
        });
        if (before[0] != null && from.contains(before[0].state())) {
            version.incrementAndGet();
        }
        return before[0];
    }

    private EmulatedJob moved(EmulatedJob job, String state) {
        OffsetDateTime now = now(job);
        EmulatedJob.Builder b = job.toBuilder().state(state);
        switch (state) {
            case "Submitted", "Pause" -> b.startTime(null).endTime(null);
            case "Success" -> b.startTime(job.startTime() != null ? job.startTime() : now).endTime(now)
                    .code("Success").message("");
            case "Failed" -> {
                b.startTime(job.startTime() != null ? job.startTime() : now).endTime(now);
                if ("Success".equals(job.code())) {
                    b.code("InternalError").message("internal error, please retry");
                }
            }
            case "Cancel" -> b.endTime(now); // a job cancelled before it ran keeps StartTime "-"
            default -> { } // Running
        }
        return b.build();
    }

    /** @return the emulator's now at the offset of the job's CreationTime, in whole seconds as CI writes times */
    OffsetDateTime now(EmulatedJob job) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(job.creationTime().getOffset()).withNano(0);
    }

    /** @return the job with this JobId */
    public Optional<EmulatedJob> get(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** @return true when a job was removed */
    public boolean remove(String jobId) {
        boolean removed = jobs.remove(jobId) != null;
        version.incrementAndGet();
        return removed;
    }

    public void clear() {
        jobs.clear();
        version.incrementAndGet();
    }

    public int size() {
        return jobs.size();
    }

    /** @return a snapshot of all jobs, newest first (the listing's default order) */
    public List<EmulatedJob> all() {
        return List.of(view(JobQuery.ALL));
    }

    /**
     * Adds {@code count} varied, realistic jobs (both types, all states, creation times spread over the 30 days
     * before the emulator's now). The same seed and clock give the same jobs.
     *
     * @return the jobs added
     */
    public List<EmulatedJob> seed(int count, long randomSeed) {
        List<EmulatedJob> seeded = new JobSeeder(randomSeed, clock).jobs(count);
        addAll(seeded);
        return seeded;
    }

    /** The jobs matching a query, in its order; shared by all pages of a walk until the store changes. */
    EmulatedJob[] view(JobQuery query) {
        long current = version.get();
        View cached = views.get(query);
        if (cached != null && cached.version == current) {
            return cached.jobs;
        }
        EmulatedJob[] sorted = jobs.values().stream().filter(query::matches).sorted(query.order())
                .toArray(EmulatedJob[]::new);
        if (views.size() >= MAX_CACHED_VIEWS) {
            views.clear();
        }
        // Tagged with the version read before the snapshot: a change made meanwhile invalidates it.
        views.put(query, new View(current, sorted));
        return sorted;
    }

    private record View(long version, EmulatedJob[] jobs) {
    }
}
