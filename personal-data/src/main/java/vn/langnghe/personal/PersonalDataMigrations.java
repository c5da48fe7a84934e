package vn.langnghe.personal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the {@code keyring} schema, the encrypted tables and the access audit. Own Flyway history
 * table, so a service's own migrations and the event store's never collide with these version numbers.
 */
public final class PersonalDataMigrations {

    private PersonalDataMigrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure(PersonalDataMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/personal")
                .table("personal_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
