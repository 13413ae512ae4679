package io.github.tencentci.camel.delivery;

import io.github.tencentci.camel.TestFixtures;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restarts over camel-sql's {@code JdbcMessageIdRepository} on a real PostgreSQL, shared by the tests of this class. */
class JdbcRepositoryRestartTest extends RestartDeliveryTestSupport {

    @RegisterExtension
    static final TestFixtures.Postgres POSTGRES = new TestFixtures.Postgres();

    @Override
    RepositorySpec repository(String testName) {
        // one processor name per test: the tests share the database, not their keys
        return RepositorySpec.jdbc(POSTGRES.jdbcUrl(), "tencent-ci-" + testName);
    }
}
