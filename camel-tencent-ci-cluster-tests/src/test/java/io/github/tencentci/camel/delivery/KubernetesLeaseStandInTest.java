package io.github.tencentci.camel.delivery;

import java.time.ZonedDateTime;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the leader election needs from the Kubernetes API stand-in: {@code coordination.k8s.io/v1} Leases that can be
 * created, read and replaced, and a replace from a stale resourceVersion refused with 409 Conflict (two pods racing
 * for a free lease: only one may win).
 */
class KubernetesLeaseStandInTest {

    private final KubernetesApiStandIn api = new KubernetesApiStandIn();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void servesLeasesWithOptimisticLocking() {
        Lease created = api.client().leases().inNamespace(KubernetesApiStandIn.NAMESPACE).resource(new LeaseBuilder()
                .withNewMetadata().withName("ci-leaders-jobs").endMetadata()
                .withNewSpec().withHolderIdentity("node-0").withLeaseDurationSeconds(15)
                .withAcquireTime(ZonedDateTime.now()).withRenewTime(ZonedDateTime.now()).endSpec()
                .build()).create();
        String version = created.getMetadata().getResourceVersion();

        Lease taken = api.client().leases().inNamespace(KubernetesApiStandIn.NAMESPACE)
                .resource(new LeaseBuilder(created).editSpec().withHolderIdentity("node-1").endSpec().build())
                .lockResourceVersion(version).update();
        assertThat(taken.getApiVersion()).isEqualTo("coordination.k8s.io/v1");
        assertThat(taken.getMetadata().getResourceVersion()).isNotEqualTo(version);
        assertThat(api.client().leases().inNamespace(KubernetesApiStandIn.NAMESPACE).withName("ci-leaders-jobs").get()
                .getSpec().getHolderIdentity()).isEqualTo("node-1");

        assertThatThrownBy(() -> api.client().leases().inNamespace(KubernetesApiStandIn.NAMESPACE)
                .resource(new LeaseBuilder(created).editSpec().withHolderIdentity("node-2").endSpec().build())
                .lockResourceVersion(version).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(api.client().leases().inNamespace(KubernetesApiStandIn.NAMESPACE).withName("ci-leaders-jobs").get()
                .getSpec().getHolderIdentity()).isEqualTo("node-1");
    }

    @Test
    void podsTurnNotReadyWhenTheirNodeDies() {
        api.podReady("node-0");
        api.podDied("node-0");

        assertThat(api.client().pods().inNamespace(KubernetesApiStandIn.NAMESPACE).withName("node-0").get()
                .getStatus().getConditions()).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
    }
}
