package io.github.tencentci.camel.client;

/**
 * A value of the {@code states} filter of the listing: the constant names are the service's spelling. {@code All} is
 * the service's default.
 */
public enum JobState {
    All,
    Submitted,
    Running,
    Success,
    Failed,
    Pause,
    Cancel
}
