package io.github.tencentci.examples;

import io.github.tencentci.camel.TencentCiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The start every failed-jobs route shares: poll the bucket's Failed jobs and let each JobId through once (each poll
 * lists all failed jobs again). Subclasses say where a failed job goes.
 * <p>
 * The memory repository forgets on restart; to forward each failure once across restarts use a persistent
 * repository such as {@code FileIdempotentRepository} or narrow the listing with {@code startCreationTime}.
 */
public abstract class FailedJobsRoute extends RouteBuilder {

    private final String routeId;

    /** @param routeId the id of the route, shown in logs and metrics */
    protected FailedJobsRoute(String routeId) {
        this.routeId = routeId;
    }

    @Override
    public final void configure() {
        forward(from("tencent-ci:jobs?states=Failed&delay={{tencentci.poll.delay:5000}}")
                .routeId(routeId)
                .idempotentConsumer(header(TencentCiConstants.JOB_ID),
                        MemoryIdempotentRepository.memoryIdempotentRepository(10_000)));
    }

    /**
     * Adds the steps that deliver one failed job.
     *
     * @param failedJob the route so far; its body is a {@code JobsDetail}, headers {@link TencentCiConstants}
     */
    protected abstract void forward(ProcessorDefinition<?> failedJob);
}
