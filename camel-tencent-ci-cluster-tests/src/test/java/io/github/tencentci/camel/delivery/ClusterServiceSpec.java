package io.github.tencentci.camel.delivery;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * A coordination service described as one string, so that a node JVM builds the same one as the test describes:
 * <ul>
 * <li>{@code file|<root>|<acquireLockIntervalMillis>}</li>
 * <li>{@code zookeeper|<connect string>|<sessionTimeoutMillis>|<haltWhenCutOff>} (see {@link HaltWhenCutOffFromZooKeeper})</li>
 * <li>{@code kubernetes|<master URL>|<namespace>|<leaseDurationMillis>|<renewDeadlineMillis>|<retryPeriodMillis>}</li>
 * </ul>
 * The node's name is its member id (ZooKeeper participant id, Kubernetes pod name, file-lock id).
 */
record ClusterServiceSpec(String kind, String[] parts) {

    static final String ZOOKEEPER_BASE_PATH = "/camel/cluster";
    static final String KUBERNETES_LEASE_NAME = "ci-leaders";
    static final Map<String, String> KUBERNETES_LABELS = Map.of("app", "ci-jobs");

    static ClusterServiceSpec fileLock(String root, long intervalMillis) {
        return new ClusterServiceSpec("file", new String[] { root, Long.toString(intervalMillis) });
    }

    static ClusterServiceSpec zooKeeper(String connectString, long sessionTimeoutMillis, boolean haltWhenCutOff) {
        return new ClusterServiceSpec("zookeeper", new String[] {
                connectString, Long.toString(sessionTimeoutMillis), Boolean.toString(haltWhenCutOff) });
    }

    static ClusterServiceSpec kubernetes(String masterUrl, String namespace, long leaseMillis, long renewMillis, long retryMillis) {
        return new ClusterServiceSpec("kubernetes", new String[] {
                masterUrl, namespace, Long.toString(leaseMillis), Long.toString(renewMillis), Long.toString(retryMillis) });
    }

    static ClusterServiceSpec parse(String text) {
        String[] all = text.split("\\|", -1);
        String[] parts = new String[all.length - 1];
        System.arraycopy(all, 1, parts, 0, parts.length);
        return new ClusterServiceSpec(all[0], parts);
    }

    String format() {
        return kind + "|" + String.join("|", parts);
    }

    CamelClusterService create(String nodeName) {
        return switch (kind) {
            case "file" -> {
                FileLockClusterService service = new FileLockClusterService();
                service.setId(nodeName);
                service.setRoot(parts[0]);
                service.setAcquireLockDelay(50, TimeUnit.MILLISECONDS);
                service.setAcquireLockInterval(Long.parseLong(parts[1]), TimeUnit.MILLISECONDS);
                yield service;
            }
            case "zookeeper" -> {
                int timeout = Integer.parseInt(parts[1]);
                // our own Curator client (the service then neither starts nor closes it), so that a listener can
                // watch the connection
                CuratorFramework curator = CuratorFrameworkFactory.builder().connectString(parts[0])
                        .sessionTimeoutMs(timeout).connectionTimeoutMs(timeout)
                        .retryPolicy(new ExponentialBackoffRetry(100, 10, 1000)).build();
                ZooKeeperCuratorConfiguration configuration = new ZooKeeperCuratorConfiguration();
                configuration.setCuratorFramework(curator); // not setCuratorFramework: NPE without a configuration
                ZooKeeperClusterService service = new ZooKeeperClusterService(configuration);
                service.setId(nodeName);
                service.setNodes(parts[0]);
                service.setBasePath(ZOOKEEPER_BASE_PATH);
                if (parts.length > 2 && Boolean.parseBoolean(parts[2])) {
                    curator.getConnectionStateListenable().addListener(new HaltWhenCutOffFromZooKeeper(service, "jobs"));
                }
                curator.start();
                yield service;
            }
            case "kubernetes" -> {
                // through a KubernetesConfiguration: Camel 4.18 ignores setMasterUrl/setNamespace on a service built
                // without one (it then connects in-cluster, to kubernetes.default.svc)
                KubernetesConfiguration configuration = new KubernetesConfiguration();
                configuration.setMasterUrl(parts[0]);
                configuration.setNamespace(parts[1]);
                KubernetesClusterService service = new KubernetesClusterService(configuration);
                service.setId(nodeName);
                service.setPodName(nodeName);
                service.setKubernetesResourcesNamespace(parts[1]);
                service.setLeaseResourceType(LeaseResourceType.Lease);
                service.setKubernetesResourceName(KUBERNETES_LEASE_NAME);
                service.setClusterLabels(KUBERNETES_LABELS);
                service.setLeaseDurationMillis(Long.parseLong(parts[2]));
                service.setRenewDeadlineMillis(Long.parseLong(parts[3]));
                service.setRetryPeriodMillis(Long.parseLong(parts[4]));
                yield service;
            }
            default -> throw new IllegalArgumentException("unknown cluster service kind " + kind);
        };
    }
}
