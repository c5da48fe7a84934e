package vn.langnghe.testsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.langnghe.testsupport.ports.FreePorts;

class LocalPostgresTest {

    @Test
    void startsAnswersSurvivesACrashAndCleansUp() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.builder().withFsync(false).build()) {
            long t0 = System.nanoTime();
            postgres.start();
            System.out.printf("LocalPostgres %s started in %d ms%n", postgres.version(), (System.nanoTime() - t0) / 1_000_000);

            postgres.createDatabase("things");
            postgres.createDatabase("things"); // idempotent
            try (Connection c = connect(postgres, "things"); Statement s = c.createStatement()) {
                assertThat(single(s, "select 1")).isEqualTo("1");
                assertThat(single(s, "show max_connections")).isEqualTo("200");
                s.execute("create table t (v text)");
                s.execute("insert into t values ('kept')");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("things"), postgres.username(), "wrong"))
                    .isInstanceOf(SQLException.class);

            postgres.crash();
            assertThatThrownBy(() -> connect(postgres, "things")).isInstanceOf(SQLException.class);
            t0 = System.nanoTime();
            postgres.restart();
            System.out.printf("LocalPostgres restarted after crash in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            try (Connection c = connect(postgres, "things"); Statement s = c.createStatement()) {
                assertThat(single(s, "select v from t")).isEqualTo("kept");
            }
            postgres.close();
            assertThat(FreePorts.isFree(postgres.port())).isTrue();
        }
    }

    @Test
    void fsyncIsOnByDefault() {
        try (LocalPostgres postgres = LocalPostgres.builder().build()) {
            postgres.start();
            try (Connection c = connect(postgres, "postgres"); Statement s = c.createStatement()) {
                assertThat(single(s, "show fsync")).isEqualTo("on");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void settingsFromTheBuilder_areInForce() {
        try (LocalPostgres postgres = LocalPostgres.builder().withFsync(false)
                .withSetting("shared_buffers", "64MB").withSetting("max_wal_size", "2GB").build()) {
            postgres.start();
            try (Connection c = connect(postgres, "postgres"); Statement s = c.createStatement()) {
                assertThat(single(s, "show shared_buffers")).isEqualTo("64MB");
                assertThat(single(s, "show max_wal_size")).isEqualTo("2GB");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSettingThatIsNotPlain_isRefused() {
        assertThatThrownBy(() -> LocalPostgres.builder().withSetting("shared_buffers", "1GB'\nfsync = 'off"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Connection connect(PostgresServer postgres, String db) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(db), postgres.username(), postgres.password());
    }

    static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
