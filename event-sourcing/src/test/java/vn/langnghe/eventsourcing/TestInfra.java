package vn.langnghe.eventsourcing;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import vn.langnghe.eventsourcing.store.Migrations;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.infra.KafkaServer;
import vn.langnghe.testsupport.infra.PostgresServer;

/** Real PostgreSQL and Kafka for this module's tests: one of each per JVM, a fresh database per test. */
public final class TestInfra {

    private TestInfra() {}

    public static PostgresServer postgres() {
        return Infrastructure.shared().postgres();
    }

    public static KafkaServer kafka() {
        return Infrastructure.shared().kafka();
    }

    /** A new database with the library's tables, behind a small connection pool. */
    public static AgroalDataSource freshDatabase() {
        String name = "es_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres().createDatabase(name);
        AgroalDataSource dataSource = pool(name, 20);
        Migrations.migrateEventStore(dataSource);
        Migrations.migrateConsumer(dataSource);
        return dataSource;
    }

    public static AgroalDataSource pool(String database, int size) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(size)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            // a connection the server dropped leaves the pool instead of failing the next user
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(postgres().jdbcUrl(database))
                                    .principal(new NamePrincipal(postgres().username()))
                                    .credential(new SimplePassword(postgres().password())))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueTopic(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
