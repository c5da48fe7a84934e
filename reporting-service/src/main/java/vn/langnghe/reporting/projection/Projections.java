package vn.langnghe.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.EventHandler;
import vn.langnghe.eventsourcing.store.Transactions;
import vn.langnghe.servicekit.eventsourcing.ConsumerBinding;

/**
 * The projections and which generation of each serves: {@code projection_versions} points at the active
 * generation; its tables are in schema {@code rp_<name>_g<N>}. Switching is one UPDATE of that row, so
 * readers and writers move over atomically. A consumer of an older generation turns into a no-op after the
 * switch (it reads the pointer under a share lock in each apply transaction, one per poll of events, so the
 * switch waits for in-flight applies and nothing is written to a retired generation afterwards), until the
 * rebuild stops it.
 */
@ApplicationScoped
public class Projections {

    private static final Logger LOG = Logger.getLogger(Projections.class);
    /** Serialises schema creation between replicas starting together. */
    private static final long DDL_LOCK = 0x4c4e5250L;

    private final DataSource dataSource;
    private final Map<String, Projection> byName = new LinkedHashMap<>();
    private volatile boolean ready;

    Projections(DataSource dataSource, Instance<Projection> projections) {
        this.dataSource = dataSource;
        projections.forEach(p -> byName.put(Sql.identifier(p.name()), p));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<Projection> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Projection get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no projection " + name));
    }

    public static String schema(String name, int generation) {
        return Sql.identifier("rp_" + name + "_g" + generation);
    }

    public static String consumerName(String name, int generation) {
        return "reporting-service." + name + ".g" + generation;
    }

    /** The consumer of the active generation, started by service-kit with the other consumers. */
    public ConsumerBinding binding(String name) {
        ensureReady();
        int generation = activeGeneration(name);
        return new ConsumerBinding(consumerName(name, generation), get(name).topics(), handler(name, generation));
    }

    /**
     * Applies to generation {@code generation} unless a newer one is active (then the events are not needed).
     * The pointer is read once per batch, under a share lock held until the batch commits.
     */
    public EventHandler handler(String name, int generation) {
        Projection projection = get(name);
        String schema = schema(name, generation);
        return new EventHandler() {
            @Override
            public void apply(Connection tx, ConsumedEvent event) throws SQLException {
                applyAll(tx, List.of(event));
            }

            @Override
            public void applyAll(Connection tx, List<ConsumedEvent> events) throws SQLException {
                if (events.isEmpty() || activeGeneration(tx, name, true) > generation) {
                    return; // retired: a rebuilt generation serves and has its own consumer
                }
                projection.applyAll(tx, schema, events);
            }
        };
    }

    /** The schema that serves reads now. */
    public String activeSchema(String name) {
        ensureReady();
        return schema(name, activeGeneration(name));
    }

    public int activeGeneration(String name) {
        ensureReady();
        return Transactions.inTransaction(dataSource, tx -> activeGeneration(tx, name, false));
    }

    static int activeGeneration(Connection tx, String name, boolean share) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("SELECT active_generation FROM projection_versions"
                + " WHERE name = ?" + (share ? " FOR SHARE" : ""))) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("projection " + name + " has no version row");
                }
                return rs.getInt(1);
            }
        }
    }

    /** Creates a fresh, empty generation and returns its number; the active one is untouched. */
    public int createGeneration(String name) {
        ensureReady();
        Projection projection = get(name);
        return Transactions.inTransaction(dataSource, tx -> {
            lock(tx);
            int generation;
            try (PreparedStatement s = tx.prepareStatement("UPDATE projection_versions"
                    + " SET last_generation = last_generation + 1 WHERE name = ? RETURNING last_generation")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    generation = rs.getInt(1);
                }
            }
            createSchema(tx, projection, schema(name, generation));
            return generation;
        });
    }

    /** A fresh, empty {@code schema} with the projection's tables (dropped first if it exists). */
    public static void createSchema(Connection tx, Projection projection, String schema) throws SQLException {
        try (Statement ddl = tx.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            ddl.execute("CREATE SCHEMA " + schema);
            for (String statement : projection.ddl(schema)) {
                ddl.execute(statement);
            }
        }
    }

    /**
     * Makes {@code generation} the active one in one transaction, and drops generations older than the one it
     * replaces (the replaced one is kept for comparison until the next switch). Returns the replaced generation.
     */
    public int switchTo(String name, int generation) {
        int replaced = Transactions.inTransaction(dataSource, tx -> {
            int previous = activeGeneration(tx, name, false);
            try (PreparedStatement s = tx.prepareStatement("UPDATE projection_versions SET active_generation = ?,"
                    + " switched_at = now() WHERE name = ?")) {
                s.setInt(1, generation);
                s.setString(2, name);
                s.executeUpdate();
            }
            try (Statement ddl = tx.createStatement()) {
                for (int old = 1; old < previous; old++) {
                    ddl.execute("DROP SCHEMA IF EXISTS " + schema(name, old) + " CASCADE");
                }
            }
            return previous;
        });
        LOG.infof("projection %s now served by generation %d", name, generation);
        return replaced;
    }

    /** Drops a generation that never became active (an abandoned or failed rebuild). */
    public void dropGeneration(String name, int generation) {
        Transactions.inTransaction(dataSource, tx -> {
            if (activeGeneration(tx, name, false) >= generation) {
                throw new IllegalStateException("generation " + generation + " of " + name + " is or was active");
            }
            try (Statement ddl = tx.createStatement()) {
                ddl.execute("DROP SCHEMA IF EXISTS " + schema(name, generation) + " CASCADE");
            }
            return null;
        });
    }

    /**
     * A digest of a generation's rows: per table the MD5 of all rows' text, in the order of that text, then the
     * MD5 of those. Equal digests mean equal tables, whatever the order rows were written in.
     */
    public String digest(String name, int generation) {
        Projection projection = get(name);
        String schema = schema(name, generation);
        return Transactions.inTransaction(dataSource, tx -> {
            StringBuilder all = new StringBuilder();
            for (String table : projection.tables()) {
                try (Statement s = tx.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n'"
                                + " ORDER BY t::text)), '') FROM " + schema + "." + Sql.identifier(table) + " t")) {
                    rs.next();
                    all.append(table).append(':').append(rs.getLong(1)).append(':').append(rs.getString(2))
                            .append(';');
                }
            }
            try (PreparedStatement s = tx.prepareStatement("SELECT md5(?)")) {
                s.setString(1, all.toString());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** Row counts per table of a generation. */
    public Map<String, Long> rowCounts(String name, int generation) {
        Projection projection = get(name);
        String schema = schema(name, generation);
        return Transactions.inTransaction(dataSource, tx -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : projection.tables()) {
                try (Statement s = tx.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        });
    }

    /** First use: every projection has a version row and its active generation's tables. */
    void ensureReady() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            Transactions.inTransaction(dataSource, tx -> {
                lock(tx);
                for (Projection projection : byName.values()) {
                    try (PreparedStatement s = tx.prepareStatement("INSERT INTO projection_versions (name,"
                            + " active_generation, last_generation, switched_at) VALUES (?, 1, 1, now())"
                            + " ON CONFLICT DO NOTHING")) {
                        s.setString(1, projection.name());
                        s.executeUpdate();
                    }
                    int active = activeGeneration(tx, projection.name(), false);
                    String schema = schema(projection.name(), active);
                    if (!schemaExists(tx, schema)) {
                        try (Statement ddl = tx.createStatement()) {
                            ddl.execute("CREATE SCHEMA " + schema);
                            for (String statement : projection.ddl(schema)) {
                                ddl.execute(statement);
                            }
                        }
                    }
                    dropAbandoned(tx, projection.name(), active);
                }
                return null;
            });
            ready = true;
        }
    }

    /** Generations above the active one are rebuilds that never switched (this replica restarted). */
    private void dropAbandoned(Connection tx, String name, int active) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (PreparedStatement s = tx.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?")) {
            s.setString(1, "rp\\_" + name + "\\_g%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String suffix = schema.substring(("rp_" + name + "_g").length());
                    if (suffix.matches("\\d+") && Integer.parseInt(suffix) > active) {
                        abandoned.add(schema);
                    }
                }
            }
        }
        try (Statement ddl = tx.createStatement()) {
            for (String schema : abandoned) {
                LOG.warnf("dropping %s: a rebuild that never switched over", schema);
                ddl.execute("DROP SCHEMA " + Sql.identifier(schema) + " CASCADE");
            }
        }
    }

    private static boolean schemaExists(Connection tx, String schema) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void lock(Connection tx) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, DDL_LOCK);
            s.executeQuery().close();
        }
    }
}
