package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.driver.DriverHandles;
import java.sql.Connection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * {@code writers.queue}: the writers of one JVM take turns at each database file instead of polling for
 * its write lock. SQLite's busy handler sleeps 1, 2, 5, 10 ... 100 ms between tries, so under contention
 * a writer often sleeps long after the lock was freed; here the agent's IMMEDIATE begin waits in a
 * {@link WriterLine} and is woken by the commit or rollback before it.
 *
 * <p>Never worse than without it: the wait in line is bounded by the connection's busy timeout, after
 * which the begin goes to SQLite as it would have anyway (whose busy timeout still guards against other
 * processes); a failure of the line itself turns the line off for good, said once, and the begins go
 * straight to SQLite.
 */
final class WriterTurns {

    private final ConcurrentMap<String, WriterLine> lines = new ConcurrentHashMap<String, WriterLine>();
    private final Logger log;
    private volatile boolean broken;

    WriterTurns(Logger log) {
        this.log = log;
    }

    /**
     * Before {@code session}'s agent begin that takes the write lock: waits for its turn at most its busy
     * timeout. True when the session now holds the turn (it must give it back with {@link #began} and
     * {@link #release}), false when it goes on without one.
     */
    boolean take(Session session) {
        if (broken) {
            return false;
        }
        try {
            WriterLine line = lineOf(session.database);
            // A free line costs no busy-timeout look-up: only a begin that must wait asks the driver.
            return line.take(session, 0) || line.take(session, TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis(session)));
        } catch (RuntimeException e) {
            return failed(e);
        } catch (Error e) {
            return failed(e);
        }
    }

    /** {@code session}'s begin returned: its open transaction holds the turn from now on. */
    void began(Session session) {
        WriterLine line = lines.get(session.database);
        if (line != null) {
            try {
                line.began(session);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /** {@code session}'s transaction ended, or its begin failed: the next in line goes. */
    void release(Session session) {
        WriterLine line = lines.get(session.database);
        if (line != null) {
            try {
                line.release(session);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /** The line of {@code database}, for tests. */
    WriterLine lineOf(String database) {
        WriterLine line = lines.get(database);
        if (line == null) {
            WriterLine created = new WriterLine();
            line = lines.putIfAbsent(database, created);
            if (line == null) {
                line = created;
            }
        }
        return line;
    }

    /**
     * The connection's busy timeout: the app's own last {@code PRAGMA busy_timeout}, else the driver's (its
     * own, the app's URL's or the agent's); 0 when neither can say, so the begin goes to SQLite at once, as
     * without the line. Looked up only to wait.
     */
    long busyTimeoutMillis(Session session) {
        long own = session.appBusyTimeoutMillis;
        if (own >= 0) {
            return own;
        }
        Connection connection = session.connection();
        if (connection == null) {
            return 0;
        }
        try {
            DriverHandles handles = DriverHandles.of(connection);
            return handles == null ? 0 : Math.max(0, handles.busyTimeout(connection));
        } catch (Exception e) {
            return 0;
        }
    }

    private boolean failed(Throwable e) {
        if (!broken) {
            broken = true;
            log.warn("writers.queue is off from now on: the writers' line failed ({}); every begin goes straight to SQLite,"
                    + " as without it", e.toString());
        }
        return false;
    }
}
