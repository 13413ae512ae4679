package io.github.tencentci.camel.client;

/** The {@code type} filter of the listing: the constant names are the service's spelling. */
public enum JobType {
    Workflow,
    Job
}
