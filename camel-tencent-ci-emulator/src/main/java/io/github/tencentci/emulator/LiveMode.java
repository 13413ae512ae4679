package io.github.tencentci.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link CiEmulator#startLiveMode(LiveMode)} animates the store, for demos: every {@code stepInterval}, each
 * job advances with probability {@code advanceProbability}: Submitted becomes Running (StartTime still {@code -},
 * as on the product page), a Running job without StartTime starts (gets one), a started Running job ends, as
 * Failed with probability {@code failureRatio} and otherwise Success; and with probability
 * {@code newJobProbability} a new Submitted job appears. Start from {@link #defaults()}.
 */
public record LiveMode(Duration stepInterval, double advanceProbability, double failureRatio, double newJobProbability,
                       long randomSeed) {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMode.class);

    /** @throws IllegalArgumentException for a step that is not positive or a probability outside 0.0–1.0 */
    public LiveMode {
        if (stepInterval.isZero() || stepInterval.isNegative()) {
            throw new IllegalArgumentException("stepInterval must be positive, was " + stepInterval);
        }
        probability("advanceProbability", advanceProbability);
        probability("failureRatio", failureRatio);
        probability("newJobProbability", newJobProbability);
    }

    /** One step a second, half the jobs advance per step, 10% of the ending jobs fail, a new job every ~5 steps. */
    public static LiveMode defaults() {
        return new LiveMode(Duration.ofSeconds(1), 0.5, 0.1, 0.2, 1L);
    }

    private static void probability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be from 0.0 to 1.0, was " + value);
        }
    }

    /** Runs the steps on one daemon thread; running the result stops them. */
    Runnable start(JobStore jobs, Clock clock) {
        Random random = new Random(randomSeed);
        JobSeeder seeder = new JobSeeder(randomSeed, clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ci-emulator-live-mode");
            thread.setDaemon(true);
            return thread;
        });
        long millis = stepInterval.toMillis();
        executor.scheduleWithFixedDelay(() -> step(jobs, random, seeder), millis, millis, TimeUnit.MILLISECONDS);
        return executor::shutdownNow;
    }

    private void step(JobStore jobs, Random random, JobSeeder seeder) {
        try {
            for (EmulatedJob job : jobs.all()) {
                if (random.nextDouble() < advanceProbability) {
                    switch (job.state()) {
                        case "Submitted" -> jobs.setState(job.jobId(), "Running");
                        case "Running" -> {
                            if (job.startTime() == null) {
                                jobs.add(job.toBuilder().startTime(jobs.now(job)).build());
                            } else {
                                jobs.setState(job.jobId(), random.nextDouble() < failureRatio ? "Failed" : "Success");
                            }
                        }
                        default -> { } // Success, Failed, Pause, Cancel stay as they are
                    }
                }
            }
            if (random.nextDouble() < newJobProbability) {
                jobs.add(seeder.submittedNow());
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("Live mode step skipped a job removed meanwhile: {}", e.getMessage());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep the demo alive.
            LOG.warn("Live mode step failed", e);
        }
    }
}
