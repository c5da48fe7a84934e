package vn.langnghe.eventsourcing.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the library's tables. Each part has its own Flyway history table so that a service's own
 * migrations (run by quarkus-flyway) never collide with the library's version numbers.
 */
public final class Migrations {

    private Migrations() {}

    /** The events table and the relay position: for services that own aggregates. */
    public static void migrateEventStore(DataSource dataSource) {
        migrate(dataSource, "db/eventstore", "eventstore_schema_history");
    }

    /** Consumer checkpoints and parked events: for services that consume events. */
    public static void migrateConsumer(DataSource dataSource) {
        migrate(dataSource, "db/consumer", "consumer_schema_history");
    }

    private static void migrate(DataSource dataSource, String location, String historyTable) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
