package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.driver.DriverHandles;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection's tuning while it runs: the connection, the plan, the one statement the agent uses
 * on it, the busy deadline, and what has happened so far. Lives for one {@code tune} call.
 */
final class TuningRun {

    private final Connection connection;
    private final OpenRequest request;
    private final PragmaPlan plan;
    private final Failures failures;
    private final long startedNanos = System.nanoTime();
    private Statement statement;
    private BusyDeadline deadline;
    private boolean journalModeKnown;
    private String journalMode;
    private final Map<String, String> skipped = new LinkedHashMap<String, String>();

    TuningRun(Connection connection, OpenRequest request, PragmaPlan plan, TuningStats stats) {
        this.connection = connection;
        this.request = request;
        this.plan = plan;
        this.failures = new Failures(stats);
    }

    Connection connection() {
        return connection;
    }

    OpenRequest request() {
        return request;
    }

    PragmaPlan plan() {
        return plan;
    }

    Failures failures() {
        return failures;
    }

    /**
     * The agent's statement on this connection, created on first use, closed by {@link #close()}; ask
     * for it right before each use: the statement's wait for a lock is then held to the deadline.
     */
    Statement statement() throws SQLException {
        Statement agents = statementAsIs();
        if (deadline != null) {
            deadline.beforeStatement();
        }
        return agents;
    }

    /**
     * Starts the one busy timeout the whole step may wait, counted from the run's start; called
     * once the connection's busy timeout is what it will be.
     */
    void startDeadline() throws SQLException {
        int millis;
        try {
            millis = DriverHandles.of(connection).busyTimeout(connection);
        } catch (Exception e) {
            millis = -1;
        }
        if (millis < 0) {
            millis = Integer.parseInt(Statements.firstColumn(statement(), "PRAGMA busy_timeout"));
        }
        deadline = new BusyDeadline(connection, millis, startedNanos);
    }

    BusyDeadline deadline() {
        return deadline;
    }

    /** What SQLite answered to the journal-mode switch; null when it failed (the mode is then unknown). */
    void journalModeIs(String mode) {
        journalMode = mode;
        journalModeKnown = true;
    }

    /** The database's journal mode, asked of SQLite when no switch answered; null when unknown. */
    String journalMode() {
        if (!journalModeKnown) {
            journalModeKnown = true;
            try {
                journalMode = Statements.firstColumn(statement(), "PRAGMA journal_mode");
            } catch (SQLException e) {
                journalMode = null;
            }
        }
        return journalMode;
    }

    /** Leaves {@code pragma} out on this connection, for {@code reason} (shown in the tuned line). */
    void skip(String pragma, String reason) {
        skipped.put(pragma, reason);
    }

    /** Pragmas the plan meant to apply but this connection's state ruled out: name to the reason. */
    Map<String, String> skipped() {
        return Collections.unmodifiableMap(skipped);
    }

    /**
     * The agent's statement without holding it to the deadline, for pragmas that take no lock
     * ({@code busy_timeout}): they read the connection as it is.
     */
    Statement statementAsIs() throws SQLException {
        if (statement == null) {
            statement = connection.createStatement();
        }
        return statement;
    }

    /** Gives the connection its own busy timeout back now (the deadline may lower it again later). */
    void restoreBusyTimeout() throws SQLException {
        if (deadline != null) {
            try {
                deadline.restore();
            } catch (SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException("could not restore the connection's busy timeout", e);
            }
        }
    }

    /**
     * True when the read-back is worth its statements: the deadline has time left and no setting
     * failed for a lock (the connection is then described when a later one is fully tuned).
     */
    boolean canReadBack() {
        return !failures.locked() && (deadline == null || !deadline.expired());
    }

    /** Closes the agent's statement and gives the connection its own busy timeout back. */
    void close() throws SQLException {
        Statements.closeQuietly(statement);
        statement = null;
        restoreBusyTimeout();
    }
}
