package vn.langnghe.eventsourcing;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import vn.langnghe.eventsourcing.store.Migrations;
import vn.langnghe.testsupport.infra.LocalPostgres;

/**
 * A PostgreSQL server of the test's own, with fsync on, for tests that crash it or measure it (the shared one
 * serves every other test of the JVM).
 */
final class OwnPostgres implements AutoCloseable {

    final LocalPostgres server = LocalPostgres.builder().withFsync(true).build();

    OwnPostgres() {
        server.start();
    }

    /** A new database with the event store's tables; broken connections leave the pool (as in Quarkus). */
    AgroalDataSource database(String name, int poolSize) {
        return database(name, poolSize, "");
    }

    /** The same, with settings for every session of the database ({@code ALTER DATABASE ... SET}). */
    AgroalDataSource database(String name, int poolSize, String... settings) {
        server.createDatabase(name);
        try {
            if (settings.length > 0 && !settings[0].isEmpty()) {
                try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
                        server.password()); Statement s = c.createStatement()) {
                    for (String setting : settings) {
                        s.execute("ALTER DATABASE " + name + " SET " + setting);
                    }
                }
            }
            AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(poolSize)
                            .acquisitionTimeout(Duration.ofSeconds(5))
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(server.jdbcUrl(name))
                                    .principal(new NamePrincipal(server.username()))
                                    .credential(new SimplePassword(server.password())))));
            Migrations.migrateEventStore(dataSource);
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
