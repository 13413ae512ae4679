package io.github.tencentci.camel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The one place for what the component's tests share: the credentials, the fixture time, the PostgreSQL set-up. */
public final class TestFixtures {

    /** The credentials the emulator of a test accepts. */
    public static final String SECRET_ID = "AKIDcameltest0000000000000000000000";
    public static final String SECRET_KEY = "camelTestSecretKey0000000000000000";
    /** The creation time fixture jobs count from. */
    public static final OffsetDateTime T0 = OffsetDateTime.of(2024, 12, 31, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    private TestFixtures() {
    }

    /**
     * An embedded PostgreSQL shared by the tests of one class:
     * {@code @RegisterExtension static final Postgres POSTGRES = new Postgres();}.
     */
    public static final class Postgres implements BeforeAllCallback, AfterAllCallback {
        private EmbeddedPostgres postgres;

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            postgres = EmbeddedPostgres.start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            postgres.close();
        }

        public String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        public javax.sql.DataSource dataSource() {
            return postgres.getPostgresDatabase();
        }
    }
}
