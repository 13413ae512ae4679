package io.github.tencentci.examples;

import java.util.List;
import java.util.Map;

import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples as one Camel Main application.
 * <p>
 * Without {@value CiConnection#SECRET_ID_ENV} in the environment it starts the built-in emulator in live mode and
 * polls that; with it (plus {@value CiConnection#SECRET_KEY_ENV}, {@value CiConnection#BUCKET_ENV} and
 * {@value CiConnection#REGION_ENV}) it polls the real service. The routes are those {@link ExampleRoutes} selects
 * and the route file {@code camel.main.routesIncludePattern} names in {@code application.properties}. Stops by itself
 * when {@code CAMEL_MAIN_DURATIONMAXSECONDS} is set, otherwise on Ctrl+C.
 */
public final class TencentCiExamplesApplication {

    private static final Logger LOG = LoggerFactory.getLogger(TencentCiExamplesApplication.class);

    private TencentCiExamplesApplication() {
    }

    /**
     * Runs the examples until Camel Main stops.
     *
     * @param args Camel Main's command line options (e.g. {@code -h})
     */
    public static void main(String... args) throws Exception {
        int exitCode;
        try {
            exitCode = run(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            LOG.error(e.getMessage());
            exitCode = 2;
        }
        // only on failure: a clean run ends by returning, so that exec:java and tests outlive it
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Runs the examples against the service {@code env} describes, or the emulator.
     *
     * @return Camel Main's exit code
     */
    static int run(Map<String, String> env, String... args) throws Exception {
        if (CiConnection.isConfiguredIn(env)) {
            return runAgainst(CiConnection.fromEnvironment(env), ExampleRoutes.selectedBy(env), args);
        }
        try (CiEmulator emulator = DemoEmulator.start()) {
            return runAgainst(DemoEmulator.connectionTo(emulator), ExampleRoutes.selectedBy(env), args);
        }
    }

    private static int runAgainst(CiConnection connection, List<RoutesBuilder> routes, String... args)
            throws Exception {
        LOG.info("Polling {}", connection);
        Main main = new Main();
        // override: the connection wins over anything application.properties may say about the component
        main.setOverrideProperties(connection.componentProperties());
        routes.forEach(main.configure()::addRoutesBuilder);
        main.run(args);
        return main.getExitCode();
    }
}
