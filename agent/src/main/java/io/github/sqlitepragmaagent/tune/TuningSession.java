package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection's tuning while it runs: the connection, the plan, the one statement the agent uses
 * on it, the busy deadline, and what has happened so far. Lives for one {@code tune} call.
 */
final class TuningSession {

    private final Connection connection;
    private final OpenRequest request;
    private final PragmaPlan plan;
    private final Failures failures;
    private final long startedNanos = System.nanoTime();
    private Statement statement;
    private BusyDeadline deadline;

    TuningSession(Connection connection, OpenRequest request, PragmaPlan plan, TuningStats stats) {
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

    /** The agent's statement on this connection, created on first use; closed by {@link #close()}. */
    Statement statement() throws SQLException {
        if (statement == null) {
            statement = connection.createStatement();
        }
        return statement;
    }

    /**
     * Starts the one busy timeout the whole step may wait, counted from the session's start; called
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
        deadline = new BusyDeadline(millis, startedNanos);
    }

    BusyDeadline deadline() {
        return deadline;
    }

    void close() {
        Statements.closeQuietly(statement);
        statement = null;
    }
}
