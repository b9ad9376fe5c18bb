package io.github.sqlitepragmaagent.audit;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Whether the app still uses one database: the connections it opened to it that are still open, and
 * when one was last seen open. A database counts as in use while the app holds a connection to it
 * (an idle pooled one too): that is the one signal the agent has for every app, including those that
 * open a single connection at start and keep it for the life of the JVM.
 *
 * <p>Connections are held weakly (the app's to drop) and pruned as they close, so a database opened
 * and closed a million times costs a few entries, not a million.
 */
final class DatabaseUse {

    private static final int MIN_PRUNE_AT = 8;

    private final List<WeakReference<Connection>> connections = new ArrayList<WeakReference<Connection>>();
    /** Past this many entries, the closed ones are pruned before a new one is added. */
    private int pruneAt = MIN_PRUNE_AT;
    /** When a connection was last opened or seen open. */
    private long lastInUseMillis;
    private boolean retired;

    DatabaseUse(long nowMillis) {
        this.lastInUseMillis = nowMillis;
    }

    /** Records a connection the app opened; false when this record was retired (the database left for idleness). */
    synchronized boolean opened(Connection connection, long nowMillis) {
        if (retired) {
            return false;
        }
        if (connections.size() >= pruneAt) {
            prune(nowMillis);
            // Doubling keeps the pruning's cost per connection constant while many stay open.
            pruneAt = Math.max(MIN_PRUNE_AT, connections.size() * 2);
        }
        connections.add(new WeakReference<Connection>(connection));
        lastInUseMillis = nowMillis;
        return true;
    }

    /** The app's connections to the database that are open now. */
    synchronized int openConnections(long nowMillis) {
        prune(nowMillis);
        return connections.size();
    }

    /**
     * Retires this record when no connection has been open for {@code idleMillis} (measured from when
     * one was last seen open: at most one check earlier than its close); true once retired.
     */
    synchronized boolean retireIfIdle(long idleMillis, long nowMillis) {
        prune(nowMillis);
        if (!retired && connections.isEmpty() && nowMillis - lastInUseMillis >= idleMillis) {
            retired = true;
        }
        return retired;
    }

    synchronized boolean retired() {
        return retired;
    }

    private void prune(long nowMillis) {
        for (Iterator<WeakReference<Connection>> i = connections.iterator(); i.hasNext();) {
            Connection connection = i.next().get();
            if (connection == null || isClosed(connection)) {
                i.remove();
            } else {
                lastInUseMillis = nowMillis;
            }
        }
    }

    /**
     * sqlite-jdbc answers from a flag, without taking the connection's lock, so any thread may ask. A
     * connection that cannot say counts as closed: it cannot be used either.
     */
    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (Throwable t) {
            return true;
        }
    }
}
