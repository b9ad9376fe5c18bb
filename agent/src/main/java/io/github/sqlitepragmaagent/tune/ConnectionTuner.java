package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.config.PragmaSpec;
import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Faults;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;

/**
 * Applies the configured pragmas to every connection sqlite-jdbc opens, before the app gets it.
 *
 * <p>Nothing here may fail the app: each pragma is applied on its own and a failure costs only that
 * pragma, is counted, and is logged once per database and reason.
 */
public final class ConnectionTuner implements ConnectionListener {

    private final AgentConfig config;
    private final Logger log;
    private final TuningStats stats;
    private final OnceLog once = new OnceLog();
    private final FirstOpenListener firstOpenListener;
    private final SettingsCache settings;
    private final ConfirmedJournalModes journalModes = new ConfirmedJournalModes();
    /** See {@link Faults#TUNE}: the tuner's own failure, on demand. */
    private final boolean injectedFault = Faults.TUNE.active();

    public ConnectionTuner(AgentConfig config, Logger log, TuningStats stats, FirstOpenListener firstOpenListener) {
        this.config = config;
        this.log = log;
        this.stats = stats;
        this.firstOpenListener = firstOpenListener;
        this.settings = new SettingsCache(config);
    }

    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        if (!(connection instanceof Connection)) {
            return;
        }
        OpenRequest request = null;
        try {
            request = OpenRequest.parse(url, properties);
            tune((Connection) connection, request);
        } catch (Throwable t) {
            stats.pragmaFailed();
            String database = request == null ? String.valueOf(url) : request.database();
            if (once.first("internal|" + database + "|" + t.getClass().getName())) {
                log.warn("could not tune a connection to {}: {}; the app keeps the connection as the driver opened it",
                        database, t.toString(), t);
            }
        }
    }

    private void tune(Connection connection, OpenRequest request) throws SQLException {
        if (injectedFault) {
            throw Faults.TUNE.injected();
        }
        DatabaseSettings database = settings.of(request);
        if (database.excluded()) {
            if (once.first("excluded|" + request.database())) {
                log.info("db={} left alone: excluded by {}", request.database(), database.rule());
            }
            return;
        }
        PragmaPlan plan = PragmaPlan.of(config, database, request, request.readOnly() || connection.isReadOnly());
        reportKeptFromApp(request, plan);
        reportNetworkFilesystem(request, database, plan);
        Statement statement = null;
        try {
            statement = applyPlan(connection, plan, request);
            if (once.first("tuned|" + request.database())) {
                if (statement == null) {
                    statement = connection.createStatement();
                }
                log.info("tuned db={} {}", request.database(), describe(statement, database, plan));
                firstOpenListener.firstOpen(request, connection);
            }
        } finally {
            if (statement != null) {
                Statements.closeQuietly(statement);
            }
            markUnused(connection);
        }
        stats.connectionTuned();
    }

    /**
     * For the {@code check} command: tunes {@code connection} exactly as the agent would tune a
     * connection opened with {@code url} and {@code properties}, and returns what it reads back.
     */
    public String tuneAndReadBack(Connection connection, String url, Properties properties) throws SQLException {
        OpenRequest request = OpenRequest.parse(url, properties);
        DatabaseSettings database = settings.of(request);
        if (database.excluded()) {
            return "none: excluded by " + database.rule() + ", the agent leaves this database alone";
        }
        PragmaPlan plan = PragmaPlan.of(config, database, request, request.readOnly() || connection.isReadOnly());
        reportNetworkFilesystem(request, database, plan);
        Statement statement = applyPlan(connection, plan, request);
        try {
            if (statement == null) {
                statement = connection.createStatement();
            }
            return describe(statement, database, plan);
        } finally {
            Statements.closeQuietly(statement);
            markUnused(connection);
        }
    }

    /** Applies the plan; returns the statement it used (the caller closes it), or null if none was needed. */
    private Statement applyPlan(Connection connection, PragmaPlan plan, OpenRequest request) throws SQLException {
        Map<String, List<String>> failures = new LinkedHashMap<String, List<String>>();
        Statement statement = null;
        List<PragmaSetting> batch = new ArrayList<PragmaSetting>();
        for (PragmaSetting setting : plan.toApply()) {
            PragmaSpec.Step step = setting.spec().step();
            if (step != PragmaSpec.Step.DRIVER_SETTER && statement == null) {
                statement = connection.createStatement();
            }
            if (step == PragmaSpec.Step.SETTING || step == PragmaSpec.Step.ACTION) {
                batch.add(setting);
            } else if (step == PragmaSpec.Step.CHECKED_QUERY) {
                String literal = setting.value().sqlLiteral();
                if (!journalModes.fresh(request.database(), literal)) {
                    String failure = apply(connection, statement, setting, busyMillis(plan, request));
                    recordFailure(failures, setting, failure);
                    if (failure == null) {
                        journalModes.confirmed(request.database(), literal);
                    }
                }
            } else {
                recordFailure(failures, setting, apply(connection, statement, setting));
            }
        }
        applyBatch(statement, batch, failures);
        reportFailures(request, failures);
        return statement;
    }

    /** The busy timeout this connection ends up with: the agent's, the app's own, or the driver's 3000 ms. */
    private static long busyMillis(PragmaPlan plan, OpenRequest request) {
        for (PragmaSetting setting : plan.toApply()) {
            if (setting.spec().step() == PragmaSpec.Step.DRIVER_SETTER) {
                return Long.parseLong(setting.value().sqlLiteral());
            }
        }
        String own = request.appPragmas().get("busy_timeout");
        try {
            return own == null ? 3000 : Long.parseLong(own.trim());
        } catch (NumberFormatException e) {
            return 3000;
        }
    }

    private static String describe(Statement statement, DatabaseSettings database, PragmaPlan plan) {
        return ReadBack.describe(statement, database.pragmas(), plan)
                + (database.rule() == null ? "" : " rule=" + database.rule().number());
    }

    /**
     * Applies plain settings with one native call ({@code executeUpdate} runs every statement of its
     * text); if that fails, applies them one at a time, so that a failure costs only the failing
     * pragma and is reported against it.
     */
    private void applyBatch(Statement statement, List<PragmaSetting> batch, Map<String, List<String>> failures) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(batch.size() * 32);
        for (PragmaSetting setting : batch) {
            sql.append("PRAGMA ").append(setting.spec().name()).append('=').append(setting.value().sqlLiteral()).append(';');
        }
        try {
            statement.executeUpdate(sql.toString());
            return;
        } catch (SQLException e) {
            // fall through: find out which pragma failed and apply the others
        }
        for (PragmaSetting setting : batch) {
            recordFailure(failures, setting, apply(null, statement, setting));
        }
    }

    private void recordFailure(Map<String, List<String>> failures, PragmaSetting setting, String failure) {
        if (failure == null) {
            return;
        }
        stats.pragmaFailed();
        List<String> settings = failures.get(failure);
        if (settings == null) {
            settings = new ArrayList<String>();
            failures.put(failure, settings);
        }
        settings.add(setting.toString());
    }

    /**
     * Runs the journal-mode switch, retrying while SQLite answers BUSY or LOCKED, for as long as the
     * busy timeout would wait. Switching to WAL upgrades a shared lock to an exclusive one, and when
     * several connections upgrade at once SQLite reports BUSY at once instead of calling the busy
     * handler (it would deadlock): without this, some of many connections opening a new file at the
     * same instant would stay out of WAL.
     */
    private static String switchJournalMode(Statement statement, String sql, long busyMillis) throws SQLException {
        long deadline = System.nanoTime() + busyMillis * 1_000_000L;
        long pauseMillis = 1;
        while (true) {
            try {
                return Statements.firstColumn(statement, sql);
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() + pauseMillis * 1_000_000L > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to switch the journal mode", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    /** SQLITE_BUSY (5) or SQLITE_LOCKED (6), extended codes included. */
    private static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String message = String.valueOf(e.getMessage());
        return code == 5 || code == 6 || message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
    }

    /** Applies one setting; returns why it failed, or null. */
    private String apply(Connection connection, Statement statement, PragmaSetting setting) {
        return apply(connection, statement, setting, 0);
    }

    /** {@code busyMillis}: how long a journal-mode switch may keep retrying on BUSY. */
    private String apply(Connection connection, Statement statement, PragmaSetting setting, long busyMillis) {
        PragmaSpec spec = setting.spec();
        String literal = setting.value().sqlLiteral();
        try {
            switch (spec.step()) {
                case DRIVER_SETTER:
                    applyBusyTimeout(connection, Integer.parseInt(literal));
                    return null;
                case CHECKED_QUERY:
                    String mode = switchJournalMode(statement, "PRAGMA " + spec.name() + "=" + literal, busyMillis);
                    String wanted = setting.value().expectedReadBack();
                    return wanted.equalsIgnoreCase(mode)
                            ? null
                            : "SQLite kept " + spec.name() + "=" + mode + " (it cannot change while the database is in this state)";
                default:
                    statement.execute("PRAGMA " + spec.name() + "=" + literal);
                    return null;
            }
        } catch (Exception e) {
            return firstLine(e);
        }
    }

    private void applyBusyTimeout(Connection connection, int milliseconds) throws Exception {
        DriverHandles driver = DriverHandles.of(connection);
        if (driver.canSetBusyTimeout()) {
            driver.setBusyTimeout(connection, milliseconds);
            return;
        }
        Statement statement = connection.createStatement();
        try {
            statement.execute("PRAGMA busy_timeout=" + milliseconds);
        } finally {
            Statements.closeQuietly(statement);
        }
    }

    private void reportNetworkFilesystem(OpenRequest request, DatabaseSettings database, PragmaPlan plan) {
        if (database.networkMount() != null && plan.skipped().containsKey("journal_mode")
                && once.first("network|" + request.database())) {
            log.warn("db={} is on a network filesystem ({}): journal_mode is left as it is, because WAL needs shared"
                    + " memory that network filesystems do not provide (wal.network=allow switches anyway)",
                    request.database(), database.networkMount());
        }
    }

    private void reportKeptFromApp(OpenRequest request, PragmaPlan plan) {
        for (Map.Entry<String, String> kept : plan.keptFromApp().entrySet()) {
            if (once.first("kept|" + request.database() + "|" + kept.getKey() + "=" + kept.getValue())) {
                log.info("db={} keeps the app's own {}={} (set in its JDBC URL or Properties; override=true replaces it)",
                        request.database(), kept.getKey(), kept.getValue());
            }
        }
    }

    /** One line per database and reason, naming every setting that failed for it on this connection. */
    private void reportFailures(OpenRequest request, Map<String, List<String>> failures) {
        for (Map.Entry<String, List<String>> failure : failures.entrySet()) {
            if (once.first("failed|" + request.database() + "|" + failure.getKey())) {
                log.warn("db={} could not apply {}: {}; the connection is open without it (said once per database and reason)",
                        request.database(), String.join(", ", failure.getValue()), failure.getKey());
            }
        }
    }

    private void markUnused(Connection connection) {
        try {
            DriverHandles.of(connection).markUnused(connection);
        } catch (Exception e) {
            if (once.first("mark-unused|" + connection.getClass().getName())) {
                log.debug("could not reset the driver's first-statement flag: {}", e.toString());
            }
        }
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
