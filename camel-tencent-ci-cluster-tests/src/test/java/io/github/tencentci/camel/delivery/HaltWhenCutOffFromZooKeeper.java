package io.github.tencentci.camel.delivery;

import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * Ends the JVM at once when the leader loses its ZooKeeper connection, before ZooKeeper can expire its session and
 * elect another node. Needed with Camel 4.18: its ZooKeeper cluster view does not tell camel-master that leadership
 * was lost when the connection is suspended or the session lost, so the old leader's consumer would keep polling next
 * to the new leader's ({@link ZooKeeperPartitionTest} shows both). Curator reports SUSPENDED after 2/3 of the session
 * timeout without an answer from the server; the server expires the session only after the whole timeout, and
 * camel-master starts the new leader's consumer 1 s after that. {@code halt}, not {@code exit}: a graceful shutdown
 * would keep polling while it waits for ZooKeeper. What was in flight comes again from the new leader, as after any
 * crash; the orchestrator restarts the node.
 */
final class HaltWhenCutOffFromZooKeeper implements ConnectionStateListener {

    private final ZooKeeperClusterService service;
    private final String namespace;

    HaltWhenCutOffFromZooKeeper(ZooKeeperClusterService service, String namespace) {
        this.service = service;
        this.namespace = namespace;
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState state) {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            try {
                if (!service.getView(namespace).getLocalMember().isLeader()) {
                    return;
                }
            } catch (Exception e) {
                // cannot tell: treat as leading
            }
            System.out.println("HALT " + state);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }
}
