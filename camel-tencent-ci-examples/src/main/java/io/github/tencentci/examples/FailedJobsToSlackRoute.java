package io.github.tencentci.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Failed jobs to a Slack channel through an incoming webhook, one message per job with its id, name, Code and
 * Message.
 * <p>
 * Properties: {@code slack.webhook-url} (required, the webhook Slack gave you), {@code slack.channel} (default
 * {@code tencent-ci}, without the {@code #}), {@code tencentci.poll.delay} (ms, default 5000). The connection to
 * Tencent CI is set on the component.
 */
public class FailedJobsToSlackRoute extends RouteBuilder {

    @Override
    public void configure() {
        // the component emits each job once per state, so each failed job once
        from("tencent-ci:jobs?states=Failed&delay={{tencentci.poll.delay:5000}}")
                .routeId("failed-jobs-to-slack")
                .setBody(simple("Tencent CI job ${header.CamelTencentCiJobId} (${header.CamelTencentCiJobName}) failed:"
                                + " ${body.code} ${body.message}"))
                // RAW: the webhook URL is passed on exactly as given, not URI-decoded
                .to("slack:#{{slack.channel:tencent-ci}}?webhookUrl=RAW({{slack.webhook-url}})")
                .log("Failed job ${header.CamelTencentCiJobId} posted to Slack");
    }
}
