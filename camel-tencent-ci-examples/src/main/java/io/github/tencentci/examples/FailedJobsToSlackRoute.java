package io.github.tencentci.examples;

import org.apache.camel.model.ProcessorDefinition;

/**
 * Failed jobs to a Slack channel through an incoming webhook, one message per job with its id, name, Code and
 * Message.
 * <p>
 * Properties: {@code slack.webhook-url} (required, the webhook Slack gave you), {@code slack.channel} (default
 * {@code tencent-ci}, without the {@code #}).
 */
public class FailedJobsToSlackRoute extends FailedJobsRoute {

    /** Creates the route with id {@code failed-jobs-to-slack}. */
    public FailedJobsToSlackRoute() {
        super("failed-jobs-to-slack");
    }

    @Override
    protected void forward(ProcessorDefinition<?> failedJob) {
        failedJob
                .setBody(simple("Tencent CI job ${header.CamelTencentCiJobId} (${header.CamelTencentCiJobName}) failed:"
                                + " ${body.code} ${body.message}"))
                // RAW: the webhook URL is passed on exactly as given, not URI-decoded
                .to("slack:#{{slack.channel:tencent-ci}}?webhookUrl=RAW({{slack.webhook-url}})")
                .log("Failed job ${header.CamelTencentCiJobId} posted to Slack");
    }
}
