package io.github.tencentci.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;

/**
 * Which Java DSL routes the examples application runs: always {@link JobStateLogRoute}; the Kafka and Slack routes
 * when the environment says where their sink is; the routes that act on jobs ({@link RerunFailedJobsRoute},
 * {@link CancelStuckJobsRoute}) only when asked to, since they change jobs. (The failed-jobs-to-file route is a route
 * file, chosen by {@code camel.main.routesIncludePattern}.)
 */
public final class ExampleRoutes {

    /** Environment variable with the Kafka bootstrap servers; set, it adds {@link FailedJobsToKafkaRoute}. */
    public static final String KAFKA_BROKERS_ENV = "KAFKA_BROKERS";
    /** Environment variable with a Slack incoming-webhook URL; set, it adds {@link FailedJobsToSlackRoute}. */
    public static final String SLACK_WEBHOOK_URL_ENV = "SLACK_WEBHOOK_URL";
    /** Environment variable; {@code true} adds {@link RerunFailedJobsRoute}. */
    public static final String RERUN_FAILED_ENV = "TENCENTCI_RERUN_FAILED";
    /** Environment variable with a duration such as {@code 2h}; set, it adds {@link CancelStuckJobsRoute}. */
    public static final String STUCK_MAX_RUNNING_ENV = "TENCENTCI_STUCK_MAX_RUNNING";

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
        if ("true".equalsIgnoreCase(env.getOrDefault(RERUN_FAILED_ENV, "").strip())) {
            routes.add(new RerunFailedJobsRoute());
        }
        // the route reads {{tencentci.stuck.max-running}}, which Camel resolves from this variable
        if (isSet(env, STUCK_MAX_RUNNING_ENV)) {
            routes.add(new CancelStuckJobsRoute());
        }
        return routes;
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
