package io.github.tencentci.camel.delivery;

import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Leadership from a lock file on one shared disk (camel-file's {@code FileLockClusterService}), once-only state in
 * camel-sql's {@code JdbcMessageIdRepository} on a real PostgreSQL in the test JVM.
 */
class FileLockLeaderKillTest extends LeaderKillTestSupport {

    static final long ACQUIRE_LOCK_INTERVAL_MILLIS = 200;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    String service() {
        return "File lock";
    }

    @Override
    ClusterServiceSpec cluster() {
        return ClusterServiceSpec.fileLock(dir.resolve("cluster").toString(), ACQUIRE_LOCK_INTERVAL_MILLIS);
    }

    @Override
    SharedRepositorySpec repository() {
        return SharedRepositorySpec.of(RepositorySpec.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "tencent-ci-file-lock"));
    }

    /** A dead leader's heartbeat is stale after 5 lock intervals; camel-master then waits 1 s. */
    @Override
    Duration handoverLimit() {
        return Duration.ofMillis(5 * ACQUIRE_LOCK_INTERVAL_MILLIS).plusSeconds(6);
    }
}
