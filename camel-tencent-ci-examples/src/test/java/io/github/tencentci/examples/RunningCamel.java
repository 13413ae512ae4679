package io.github.tencentci.examples;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * A Camel Main started in the test JVM with given properties and routes, the way a user's application starts them,
 * but without the examples' {@code application.properties}, so each test states every setting it depends on.
 */
final class RunningCamel implements AutoCloseable {

    private final Main main;

    private RunningCamel(Main main) {
        this.main = main;
    }

    /**
     * Starts Camel Main (returns once the routes are started).
     *
     * @param properties e.g. the component connection and {@code camel.main.routesIncludePattern}
     * @param routes     Java DSL routes to add
     */
    static RunningCamel start(Properties properties, RoutesBuilder... routes) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setOverrideProperties(properties);
        for (RoutesBuilder route : routes) {
            main.configure().addRoutesBuilder(route);
        }
        main.start();
        return new RunningCamel(main);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
