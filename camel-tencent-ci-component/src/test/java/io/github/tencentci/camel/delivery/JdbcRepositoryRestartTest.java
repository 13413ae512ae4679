package io.github.tencentci.camel.delivery;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Restarts over camel-sql's {@code JdbcMessageIdRepository} on a real PostgreSQL, shared by the tests of this class. */
class JdbcRepositoryRestartTest extends RestartDeliveryTestSupport {

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
    RepositorySpec repository(String testName) {
        // one processor name per test: the tests share the database, not their keys
        return RepositorySpec.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "tencent-ci-" + testName);
    }
}
