package io.github.tencentci.emulator;

import java.time.Duration;

/**
 * How {@link CiEmulator#startLiveMode(LiveMode)} animates the store, for demos: every step, each Submitted job
 * starts Running with probability {@code advanceProbability}, each Running job ends the same way, as Failed with
 * probability {@code failureRatio} and otherwise Success; and with probability {@code newJobProbability} a new
 * Submitted job appears. Immutable; start from {@link #defaults()}.
 */
public final class LiveMode {

    private final Duration stepInterval;
    private final double advanceProbability;
    private final double failureRatio;
    private final double newJobProbability;
    private final long randomSeed;

    private LiveMode(Duration stepInterval, double advanceProbability, double failureRatio, double newJobProbability,
                     long randomSeed) {
        if (stepInterval.isZero() || stepInterval.isNegative()) {
            throw new IllegalArgumentException("stepInterval must be positive, was " + stepInterval);
        }
        this.stepInterval = stepInterval;
        this.advanceProbability = probability("advanceProbability", advanceProbability);
        this.failureRatio = probability("failureRatio", failureRatio);
        this.newJobProbability = probability("newJobProbability", newJobProbability);
        this.randomSeed = randomSeed;
    }

    /** One step a second, half the jobs advance per step, 10% of the ending jobs fail, a new job every ~5 steps. */
    public static LiveMode defaults() {
        return new LiveMode(Duration.ofSeconds(1), 0.5, 0.1, 0.2, 1L);
    }

    public LiveMode withStepInterval(Duration stepInterval) {
        return new LiveMode(stepInterval, advanceProbability, failureRatio, newJobProbability, randomSeed);
    }

    public LiveMode withAdvanceProbability(double advanceProbability) {
        return new LiveMode(stepInterval, advanceProbability, failureRatio, newJobProbability, randomSeed);
    }

    public LiveMode withFailureRatio(double failureRatio) {
        return new LiveMode(stepInterval, advanceProbability, failureRatio, newJobProbability, randomSeed);
    }

    public LiveMode withNewJobProbability(double newJobProbability) {
        return new LiveMode(stepInterval, advanceProbability, failureRatio, newJobProbability, randomSeed);
    }

    public LiveMode withRandomSeed(long randomSeed) {
        return new LiveMode(stepInterval, advanceProbability, failureRatio, newJobProbability, randomSeed);
    }

    public Duration stepInterval() {
        return stepInterval;
    }

    public double advanceProbability() {
        return advanceProbability;
    }

    public double failureRatio() {
        return failureRatio;
    }

    public double newJobProbability() {
        return newJobProbability;
    }

    public long randomSeed() {
        return randomSeed;
    }

    private static double probability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be from 0.0 to 1.0, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "LiveMode[step " + stepInterval + ", advance " + advanceProbability + ", failures " + failureRatio
                + ", new jobs " + newJobProbability + ", seed " + randomSeed + "]";
    }
}
