package vn.langnghe.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import vn.langnghe.eventsourcing.store.EventStoreUnavailable;
import vn.langnghe.reporting.report.ReportQueries.ReportTooSlow;
import vn.langnghe.testsupport.infra.Infrastructure;
import vn.langnghe.testsupport.infra.PostgresServer;

/**
 * Found by the full benchmark: a ministry-level report on millions of events ran past the connection's 30 s
 * socket timeout and was answered "database unavailable; retry later". PostgreSQL now stops the statement at
 * the report limit, and the answer says the report was too big.
 */
class ReportQueriesTest {

    @Test
    void aStatementPastTheLimit_isStoppedByPostgres_andReportedAsTooSlow() throws SQLException {
        PostgresServer postgres = Infrastructure.shared().postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password());
                PreparedStatement slow = ReportQueries.prepare(c, Duration.ofSeconds(1), "SELECT pg_sleep(30)")) {
            long begin = System.nanoTime();
            SQLException failure = (SQLException) catchThrowable(slow::executeQuery);

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("stopped at the limit, not after 30 s")
                    .isLessThan(Duration.ofSeconds(20));
            RuntimeException answer = ReportQueries.translate(failure, Duration.ofSeconds(1));
            assertThat(answer).isInstanceOf(ReportTooSlow.class).hasMessageContaining("longer than 1 s");
        }
    }

    @Test
    void twoPartsRunAtOnce_seeOneSnapshot_whileAnotherConnectionKeepsCommitting() throws Exception {
        PostgresServer postgres = Infrastructure.shared().postgres();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl("postgres"));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS report_parts (n int)");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                while (writing.get()) {
                    s.execute("INSERT INTO report_parts VALUES (1)");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            for (int round = 0; round < 40; round++) {
                AtomicLong first = new AtomicLong();
                AtomicLong second = new AtomicLong();
                ReportQueries.concurrently(dataSource, a -> first.set(count(a)), b -> second.set(count(b)));
                assertThat(second.get()).as("round %d", round).isEqualTo(first.get());
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c)).as("the writer did commit meanwhile").isPositive();
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM report_parts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void otherUnavailableStates_stayDatabaseUnavailable() {
        SQLException connectionLost = new SQLException("gone", "08006");
        assertThat(ReportQueries.translate(connectionLost, Duration.ofSeconds(1)))
                .isInstanceOf(EventStoreUnavailable.class);
    }
}
