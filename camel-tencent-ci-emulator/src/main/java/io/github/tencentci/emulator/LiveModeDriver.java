package io.github.tencentci.emulator;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link LiveMode} steps on a single daemon thread until stopped. */
final class LiveModeDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveModeDriver.class);

    private final JobStore jobs;
    private final LiveMode mode;
    private final Random random;
    private final JobSeeder seeder;
    private final ScheduledExecutorService executor;

    LiveModeDriver(JobStore jobs, LiveMode mode, Clock clock) {
        this.jobs = jobs;
        this.mode = mode;
        this.random = new Random(mode.randomSeed());
        this.seeder = new JobSeeder(mode.randomSeed(), clock);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ci-emulator-live-mode");
            thread.setDaemon(true);
            return thread;
        });
        long millis = mode.stepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::step, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void step() {
        try {
            for (EmulatedJob job : jobs.all()) {
                if (random.nextDouble() >= mode.advanceProbability()) {
                    continue;
                }
                switch (job.state()) {
                    case "Submitted" -> jobs.setState(job.jobId(), "Running");
                    case "Running" -> jobs.setState(job.jobId(),
                            random.nextDouble() < mode.failureRatio() ? "Failed" : "Success");
                    default -> { } // Success, Failed, Pause, Cancel stay as they are
                }
            }
            if (random.nextDouble() < mode.newJobProbability()) {
                jobs.add(seeder.submittedNow());
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("Live mode step skipped a job removed meanwhile: {}", e.getMessage());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep the demo alive.
            LOG.warn("Live mode step failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
