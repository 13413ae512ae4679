package io.github.tencentci.camel.delivery;

import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Leadership from a Kubernetes {@code coordination.k8s.io/v1} Lease (camel-kubernetes' {@code KubernetesClusterService})
 * on fabric8's API server stand-in in the test JVM, once-only state in camel-sql's {@code JdbcMessageIdRepository} on
 * a real PostgreSQL in the test JVM.
 * <p>
 * Camel's election counts a lease holder as valid only while its pod is Running and Ready (it lists the pods with the
 * cluster labels); the stand-in has no kubelet, so the test plays it: a node's pod turns Ready once the node runs and
 * not Ready right after its JVM is killed.
 */
class KubernetesLeaderKillTest extends LeaderKillTestSupport {

    static final long LEASE_DURATION_MILLIS = 2000;
    static final long RENEW_DEADLINE_MILLIS = 1500;
    static final long RETRY_PERIOD_MILLIS = 500;

    private static KubernetesApiStandIn api;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startServers() throws Exception {
        api = new KubernetesApiStandIn();
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        api.close();
        postgres.close();
    }

    @Override
    String service() {
        return "Kubernetes Lease";
    }

    @Override
    ClusterServiceSpec cluster() {
        return ClusterServiceSpec.kubernetes(api.masterUrl(), KubernetesApiStandIn.NAMESPACE, LEASE_DURATION_MILLIS,
                RENEW_DEADLINE_MILLIS, RETRY_PERIOD_MILLIS);
    }

    @Override
    SharedRepositorySpec repository() {
        return SharedRepositorySpec.of(RepositorySpec.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "tencent-ci-kubernetes"));
    }

    /** Camel's new leader waits one lease duration before it starts, after one retry period to notice. */
    @Override
    Duration handoverLimit() {
        return Duration.ofMillis(LEASE_DURATION_MILLIS + 2 * RETRY_PERIOD_MILLIS).plusSeconds(6);
    }

    @Override
    void joined(NodeProcess node) {
        api.podReady(node.name());
    }

    @Override
    void killed(NodeProcess node) {
        api.podDied(node.name());
    }
}
