package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.driver.DriverHandles;
import io.github.sqlitepragmaagent.tune.TunedConnection;
import io.github.sqlitepragmaagent.tune.TunedConnectionListener;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The {@link Session} of every connection the agent tuned, found by the driver's DB object that the
 * statement hooks are handed. Connections of excluded databases get none: the hooks leave them alone.
 */
public final class Sessions implements TunedConnectionListener {

    private final DanglingReferences dangling;
    private final OpenReads openReads;
    private final WeakIdentityMap<Session> byDatabaseHandle = new WeakIdentityMap<Session>();
    private final WeakIdentityMap<Session> byConnection = new WeakIdentityMap<Session>();

    Sessions(DanglingReferences dangling, OpenReads openReads) {
        this.dangling = dangling;
        this.openReads = openReads;
    }

    /** Called by the tuner, within its busy deadline, for every connection it resolved. */
    @Override
    public void connectionTuned(TunedConnection tuned) {
        Connection connection = tuned.connection();
        Object db = DriverHandles.of(connection).databaseOf(connection);
        if (db == null) {
            return;
        }
        boolean agentForeignKeys = tuned.agentOwnsForeignKeys();
        if (agentForeignKeys && tuned.isFile()) {
            try {
                agentForeignKeys = dangling.allowEnforcement(tuned.database(), connection);
            } catch (SQLException e) {
                // A schema the agent cannot read is checked again at the next connection; enforcement stays as tuned.
            }
        }
        boolean openedReadOnly = tuned.request().readOnly() || isReadOnly(connection);
        boolean driverHandlesReadOnly = openedReadOnly || explicitReadOnly(connection);
        Session session = new Session(tuned.database(), agentForeignKeys, Transactions.beginFor(tuned.transactionMode()),
                driverHandlesReadOnly, openedReadOnly, connection);
        session.agentWal = tuned.isFile() && tuned.agentOwnsWal();
        byDatabaseHandle.put(db, session);
        byConnection.put(connection, session);
        if (tuned.isFile()) {
            openReads.register(tuned.database(), session.reads); // only a file has a WAL to pin
        }
    }

    private static boolean isReadOnly(Connection connection) {
        try {
            return connection.isReadOnly(); // the driver's answer: the agent's own hooks stay out of the tuner's calls
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean explicitReadOnly(Connection connection) {
        try {
            return DriverHandles.of(connection).explicitReadOnly(connection);
        } catch (Exception e) {
            return false; // an older driver, without explicit read-only support
        }
    }

    /** The session of the connection whose DB is {@code db}, or null when the agent does not follow it. */
    Session ofDatabaseHandle(Object db) {
        return byDatabaseHandle.get(db);
    }

    Session ofConnection(Object connection) {
        return byConnection.get(connection);
    }
}
