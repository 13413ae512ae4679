package io.github.tencentci.examples;

import java.nio.file.Path;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/delivery.md on cluster services in Camel Main: camel-main 4.18 has no {@code camel.cluster.*} options, but a
 * {@code CamelClusterService} bound in the registry before the context starts is added to the context.
 */
class ClusterServiceInCamelMainTest {

    @Test
    void aClusterServiceBoundInTheRegistryBecomesTheContextsClusterService(@TempDir Path root) throws Exception {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(root.toString());
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // not the examples' application.properties
        main.bind("cluster", cluster);
        main.start();
        try {
            assertThat(main.getCamelContext().hasServices(CamelClusterService.class)).containsExactly(cluster);
            assertThat(cluster.isStarted()).isTrue();
        } finally {
            main.stop();
        }
    }
}
