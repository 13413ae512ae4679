package io.github.tencentci.camel.delivery;

import java.util.HashMap;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * fabric8's Kubernetes API server stand-in in CRUD mode (it stores and serves any resource, Leases included, with
 * resourceVersion checks on update), on plain HTTP on an ephemeral port, plus the part of the kubelet the Camel
 * cluster service depends on: the pods of the nodes, Running and Ready while the node's JVM lives.
 */
final class KubernetesApiStandIn implements AutoCloseable {

    static final String NAMESPACE = "ci";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    KubernetesApiStandIn() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    String masterUrl() {
        return server.url("/");
    }

    KubernetesClient client() {
        return client;
    }

    /** The node's container runs and passes its readiness probe: it is a member of the cluster. */
    void podReady(String name) {
        client.pods().inNamespace(NAMESPACE).resource(pod(name, true)).create();
    }

    /**
     * The node's container died: the kubelet reports it terminated and the pod not Ready at once (a lost machine takes
     * the node controller's grace period instead, 40 s by default).
     */
    void podDied(String name) {
        client.pods().inNamespace(NAMESPACE).resource(pod(name, false)).updateStatus();
    }

    private static Pod pod(String name, boolean alive) {
        PodBuilder pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(ClusterServiceSpec.KUBERNETES_LABELS).endMetadata()
                .withNewSpec().addNewContainer().withName("camel").withImage("ci-jobs").endContainer().endSpec();
        return alive
                ? pod.withNewStatus().withPhase("Running")
                        .addNewCondition().withType("Ready").withStatus("True").endCondition()
                        .addNewContainerStatus().withName("camel").withReady(true).withNewState().withNewRunning().endRunning()
                        .endState().endContainerStatus()
                        .endStatus().build()
                : pod.withNewStatus().withPhase("Running")
                        .addNewCondition().withType("Ready").withStatus("False").endCondition()
                        .addNewContainerStatus().withName("camel").withReady(false).withNewState().withNewTerminated()
                        .withExitCode(137).withReason("Error").endTerminated().endState().endContainerStatus()
                        .endStatus().build();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
