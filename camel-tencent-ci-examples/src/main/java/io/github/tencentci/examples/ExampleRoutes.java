package io.github.tencentci.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;

/**
 * Which Java DSL routes the examples application runs: always {@link JobStateLogRoute}; the Kafka and Slack routes
 * when the environment says where their sink is. (The failed-jobs-to-file route is a route file, chosen by
 * {@code camel.main.routesIncludePattern}.)
 */
public final class ExampleRoutes {

    /** Environment variable with the Kafka bootstrap servers; set, it adds {@link FailedJobsToKafkaRoute}. */
    public static final String KAFKA_BROKERS_ENV = "KAFKA_BROKERS";
    /** Environment variable with a Slack incoming-webhook URL; set, it adds {@link FailedJobsToSlackRoute}. */
    public static final String SLACK_WEBHOOK_URL_ENV = "SLACK_WEBHOOK_URL";

    private ExampleRoutes() {
    }

    /** The routes to run for this environment. */
    public static List<RoutesBuilder> selectedBy(Map<String, String> env) {
        List<RoutesBuilder> routes = new ArrayList<>();
        routes.add(new JobStateLogRoute());
        // the routes read {{kafka.brokers}} and {{slack.webhook-url}}, which Camel resolves from these variables
        if (isSet(env, KAFKA_BROKERS_ENV)) {
            routes.add(new FailedJobsToKafkaRoute());
        }
        if (isSet(env, SLACK_WEBHOOK_URL_ENV)) {
            routes.add(new FailedJobsToSlackRoute());
        }
        return routes;
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
