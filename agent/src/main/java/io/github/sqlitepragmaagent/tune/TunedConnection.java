package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.BooleanWords;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.config.TransactionMode;
import java.sql.Connection;

/**
 * What the tuner resolved for one new connection (the app's request, the database's settings, the
 * plan), handed once to what follows the tuner. What follows asks this value; it never reads the URL,
 * resolves a rule or decides keep-or-override again.
 */
public final class TunedConnection {

    private final Connection connection;
    private final OpenRequest request;
    private final DatabaseSettings settings;
    private final PragmaPlan plan;

    TunedConnection(Connection connection, OpenRequest request, DatabaseSettings settings, PragmaPlan plan) {
        this.connection = connection;
        this.request = request;
        this.settings = settings;
        this.plan = plan;
    }

    /** The app's connection: use it now, never keep it (it belongs to the app). */
    public Connection connection() {
        return connection;
    }

    public OpenRequest request() {
        return request;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public PragmaPlan plan() {
        return plan;
    }

    /** See {@link OpenRequest#database()}. */
    public String database() {
        return request.database();
    }

    /** True for a database file on disk (not memory, temp or a resource). */
    public boolean isFile() {
        return request.kind() == OpenRequest.Kind.FILE;
    }

    /**
     * True when {@code foreign_keys=ON} on this connection is the agent's doing: the plan turns it on,
     * and the app did not ask for ON itself.
     */
    public boolean agentOwnsForeignKeys() {
        PragmaSetting foreignKeys = PragmaSetting.named(plan.toApply(), "foreign_keys");
        return foreignKeys != null && "1".equals(foreignKeys.value().expectedReadBack())
                && !Boolean.TRUE.equals(BooleanWords.parse(request.appPragmas().get("foreign_keys")));
    }

    /** See {@link PragmaPlan#agentsWal()}. */
    public boolean agentOwnsWal() {
        return plan.agentsWal();
    }

    /** See {@link PragmaPlan#transactionMode()}. */
    public TransactionMode transactionMode() {
        return plan.transactionMode();
    }
}
