package vn.langnghe.personal;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.infra.PostgresServer;

/** Real PostgreSQL for this module's tests: one server per JVM, a fresh database per test class. */
final class TestInfra {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection tx) throws SQLException;
    }

    private TestInfra() {}

    static PostgresServer postgres() {
        return Infrastructure.shared().postgres();
    }

    /** A new database with this library's tables, behind a small connection pool. */
    static AgroalDataSource freshDatabase() {
        String name = "pd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres().createDatabase(name);
        AgroalDataSource dataSource = pool(name, 12);
        PersonalDataMigrations.migrate(dataSource);
        return dataSource;
    }

    static AgroalDataSource pool(String database, int size) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(size)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(postgres().jdbcUrl(database))
                                    .principal(new NamePrincipal(postgres().username()))
                                    .credential(new SimplePassword(postgres().password())))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                T result = work.run(tx);
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on its own, returning the number of rows changed. */
    static int execute(DataSource dataSource, String sql, Object... parameters) {
        return inTransaction(dataSource, tx -> {
            try (PreparedStatement statement = tx.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    /** The first column of every row the query returns. */
    static <T> List<T> query(DataSource dataSource, Class<T> type, String sql, Object... parameters) {
        return inTransaction(dataSource, tx -> {
            try (PreparedStatement statement = tx.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    List<T> values = new ArrayList<>();
                    while (rs.next()) {
                        values.add(rs.getObject(1, type));
                    }
                    return values;
                }
            }
        });
    }
}
