package io.github.sqlitepragmaagent.testapps.tx;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transactional Spring Boot service (Spring Data JPA, Hibernate's community SQLiteDialect,
 * HikariCP) run as a load test of itself: concurrent read-modify-write requests and read-only
 * listings for a bounded count and time, then {@code key=value} lines saying what happened.
 *
 * <pre>
 * java -jar tx-app.jar --spring.datasource.url=jdbc:sqlite:FILE
 *      [--load.writers=4] [--load.listers=2] [--load.requests=200] [--load.seconds=10] [--load.panels=4]
 *      [--load.handshakes=listing,conflict] [--spring.datasource.hikari.auto-commit=false] [--scenario=nested]
 * </pre>
 *
 * Reports {@code requests.*} (ok and failed, failed ones by SQLite result code; {@code failure:}
 * lines give each distinct message's first line), {@code handshake.*} / {@code conflict.*} (see
 * {@link Handshakes}), {@code probe.idle_write_lock_held} (whether an idle pool holds the write lock
 * after the load), {@code check.lost_updates} (increments committed but missing), and
 * {@code jmx.*}: the agent's lock-error counts, read from the platform MBean server.
 */
@SpringBootApplication
public class TxApp implements ApplicationRunner {

    private final PanelService service;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Environment env;
    private final TransactionTemplate transaction;

    public TxApp(PanelService service, JdbcTemplate jdbc, DataSource dataSource, Environment env,
            PlatformTransactionManager transactions) {
        this.service = service;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.env = env;
        this.transaction = new TransactionTemplate(transactions);
    }

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(TxApp.class, args)));
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String url = env.getRequiredProperty("spring.datasource.url");
        Path db = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
        // In a transaction: on an autoCommit=false pool nothing else would commit it.
        transaction.executeWithoutResult(status -> createSchema());
        for (String pragma : List.of("journal_mode", "busy_timeout")) {
            print("app." + pragma, jdbc.queryForObject("PRAGMA " + pragma, String.class));
        }
        HikariDataSource pool = (HikariDataSource) dataSource;
        print("app.pool_auto_commit", pool.isAutoCommit());
        print("jvm.version", System.getProperty("java.version"));

        List<Long> panelIds = service.seed(env.getProperty("load.panels", Integer.class, 4), Load.SETTING);
        if ("nested".equals(env.getProperty("scenario"))) {
            nested(panelIds.get(0));
            print("app.done", true);
            return;
        }
        Failures failures = new Failures();
        Load load = new Load(service, panelIds, failures);
        WriteLockProbe probe = new WriteLockProbe(url);
        Handshakes handshakes = new Handshakes(service, load, probe, failures);
        List<String> wanted = List.of(env.getProperty("load.handshakes", "").split(","));
        if (wanted.contains("listing")) {
            handshakes.listingBesideOpenWriter(panelIds.get(0)).forEach((k, v) -> print("handshake." + k, v));
        }
        if (wanted.contains("conflict")) {
            handshakes.conflictAfterRead(panelIds.get(0)).forEach((k, v) -> print("conflict." + k, v));
        }

        long started = System.nanoTime();
        load.run(env.getProperty("load.writers", Integer.class, 4), env.getProperty("load.listers", Integer.class, 2),
                env.getProperty("load.requests", Long.class, 200L), env.getProperty("load.seconds", Long.class, 10L) * 1000);
        print("load.millis", (System.nanoTime() - started) / 1_000_000);

        // Every connection of the pool is idle now: none may hold the write lock.
        print("pool.total_connections", pool.getHikariPoolMXBean().getTotalConnections());
        print("probe.idle_write_lock_held", probe.writeLockHeld());

        print("requests.writes_ok", load.ok());
        print("requests.listings_ok", load.listings());
        print("requests.listings_failed", load.listingsFailed());
        print("requests.failed", failures.all());
        print("requests.failed_locked", failures.locked());
        failures.byKind().forEach((kind, n) -> print("requests.failed." + kind, n));
        failures.byMessage().forEach((message, n) -> System.out.println("failure: " + n + " x " + message));
        print("lock_errors_caught", failures.locked() + probe.refusals());

        long total = service.total(Load.SETTING);
        print("check.committed_increments", total);
        print("check.lost_updates", load.ok() - total);

        for (Map.Entry<String, String> e : AgentJmx.lockErrors(db).entrySet()) {
            print("jmx." + e.getKey(), e.getValue());
        }
        print("app.done", true);
    }

    /**
     * REQUIRES_NEW inside a read-modify-write, one call at a time on this thread: first an inner transaction
     * that only reads, then one that writes. Reports each outcome (ok, or the failure's SQLite code) and what
     * the database holds afterwards.
     */
    private void nested(long panelId) {
        for (boolean auditWrites : new boolean[] {false, true}) {
            String outcome;
            try {
                service.adjustAudited(panelId, "nested", auditWrites);
                outcome = "ok";
            } catch (RuntimeException e) {
                java.sql.SQLException sql = Failures.deepestSqlException(e);
                outcome = sql == null ? "failed:" + e.getClass().getSimpleName()
                        : (sql.getErrorCode() & 0xff) == 5 ? "failed:locked" : "failed:code-" + sql.getErrorCode();
            }
            print("nested." + (auditWrites ? "inner_writes" : "inner_reads"), outcome);
        }
        print("nested.audit_rows", jdbc.queryForObject("SELECT count(*) FROM audit_trail", Long.class));
        print("nested.adjustments", service.total("nested"));
    }

    private void createSchema() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS panels (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, location TEXT)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS panel_settings (panel_id INTEGER NOT NULL REFERENCES panels(id)"
                + " ON DELETE CASCADE, setting TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (panel_id, setting))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS audit_trail (id INTEGER PRIMARY KEY, what TEXT NOT NULL)");
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
