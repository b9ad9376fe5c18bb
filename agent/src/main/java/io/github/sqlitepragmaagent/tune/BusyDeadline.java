package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.driver.DriverHandles;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

/**
 * The time the tuning step of one connection may spend waiting for other connections' locks: one
 * busy timeout (the one the connection is tuned to), counted from the start of the step.
 *
 * <p>SQLite's busy handler would let every statement wait the whole timeout: on a database that
 * another process holds locked, each pragma and each read-back would wait it again. So before each
 * of the agent's statements the connection's busy timeout is lowered to what is left of the
 * deadline (zero once it is gone: a statement that needs the lock then fails at once, one that
 * does not still works), and the connection's own value is restored at the end.
 */
final class BusyDeadline {

    /**
     * Not worth a native call to shorten the wait by less than this (a twentieth of the budget, at
     * least 10 ms) while time is left: a tuning that meets no lock never pays for one.
     */
    private final long slackMillis;

    private final Connection connection;
    private final DriverHandles driver;
    private final int budgetMillis;
    private final long deadlineNanos;
    /** What SQLite's busy handler waits now: the budget until the agent lowers it. */
    private int waitMillis;

    BusyDeadline(Connection connection, int budgetMillis, long startedNanos) {
        this.connection = connection;
        this.driver = DriverHandles.of(connection);
        this.budgetMillis = Math.max(0, budgetMillis);
        this.deadlineNanos = startedNanos + TimeUnit.MILLISECONDS.toNanos(this.budgetMillis);
        this.waitMillis = this.budgetMillis;
        this.slackMillis = Math.max(10, this.budgetMillis / 20);
    }

    /** The whole budget: the connection's busy timeout in milliseconds. */
    int budgetMillis() {
        return budgetMillis;
    }

    /** Milliseconds left, never negative. */
    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    boolean expired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    /** Called before each statement of the agent's: lets it wait no longer than what is left. */
    void beforeStatement() {
        if (!driver.canSetBusyTimeout()) {
            return;
        }
        long remaining = remainingMillis();
        if (remaining < waitMillis - slackMillis || (remaining == 0 && waitMillis > 0)) {
            try {
                driver.setBusyTimeout(connection, (int) remaining);
                waitMillis = (int) remaining;
            } catch (Exception e) {
                // best effort: the statement then waits the connection's whole timeout, as without the deadline
            }
        }
    }

    /** Gives the connection its own busy timeout back if the agent lowered it. */
    void restore() throws Exception {
        if (waitMillis != budgetMillis) {
            driver.setBusyTimeout(connection, budgetMillis);
            waitMillis = budgetMillis;
        }
    }
}
