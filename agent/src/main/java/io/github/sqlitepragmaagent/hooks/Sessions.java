package io.github.sqlitepragmaagent.hooks;

import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.DatabaseRule;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.driver.DriverHandles;
import io.github.sqlitepragmaagent.guard.DanglingReferences;
import io.github.sqlitepragmaagent.session.Session;
import io.github.sqlitepragmaagent.tune.OpenRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The {@link Session} of every connection the agent tuned, found by the driver's DB object that the
 * statement hooks are handed. Connections of excluded databases get none: the hooks leave them alone.
 */
public final class Sessions implements ConnectionListener {

    private final AgentConfig config;
    private final TransactionModes transactionModes;
    private final DanglingReferences dangling;
    private final WeakIdentityMap<Session> byDatabaseHandle = new WeakIdentityMap<Session>();
    private final WeakIdentityMap<Session> byConnection = new WeakIdentityMap<Session>();

    /** The agent's transaction mode for a database: the begin statement, or null to keep the driver's. */
    public interface TransactionModes {
        String beginFor(DatabaseRule rule);
    }

    public Sessions(AgentConfig config, TransactionModes transactionModes, DanglingReferences dangling) {
        this.config = config;
        this.transactionModes = transactionModes;
        this.dangling = dangling;
    }

    /** Called after the tuner, for every connection the driver opened. */
    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        if (!(connection instanceof Connection)) {
            return;
        }
        Object db = DriverHandles.of(connection).databaseOf(connection);
        if (db == null) {
            return;
        }
        OpenRequest request = OpenRequest.of(connection, url, properties);
        DatabaseRule rule = request.kind() == OpenRequest.Kind.FILE ? config.ruleFor(request.database()) : null;
        if (rule != null && rule.exclude()) {
            return;
        }
        boolean appSetForeignKeys = request.appPragmas().containsKey("foreign_keys");
        boolean agentForeignKeys = (!appSetForeignKeys || config.override()) && agentTurnsForeignKeysOn(rule)
                && !(appSetForeignKeys && isOn(request.appPragmas().get("foreign_keys")));
        boolean appSetMode = appTransactionMode(url, properties) != null;
        String beginSql = appSetMode && !config.override() ? null : transactionModes.beginFor(rule);
        if (agentForeignKeys && request.kind() == OpenRequest.Kind.FILE) {
            try {
                agentForeignKeys = dangling.allowEnforcement(request.database(), (Connection) connection);
            } catch (SQLException e) {
                // A schema the agent cannot read is checked again at the next connection; enforcement stays as tuned.
            }
        }
        Session session = new Session(request.database(), agentForeignKeys, beginSql, (Connection) connection);
        byDatabaseHandle.put(db, session);
        byConnection.put(connection, session);
    }

    /** The session of the connection whose DB is {@code db}, or null when the agent does not follow it. */
    Session ofDatabaseHandle(Object db) {
        return byDatabaseHandle.get(db);
    }

    Session ofConnection(Object connection) {
        return byConnection.get(connection);
    }

    private boolean agentTurnsForeignKeysOn(DatabaseRule rule) {
        for (PragmaSetting setting : config.pragmasFor(rule)) {
            if (setting.spec().name().equals("foreign_keys")) {
                return "1".equals(setting.value().expectedReadBack()) || isOn(setting.value().sqlLiteral());
            }
        }
        return false;
    }

    private static boolean isOn(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("on") || v.equals("true") || v.equals("yes");
    }

    /** The transaction_mode the app gave the driver in its URL or Properties, or null. */
    static String appTransactionMode(String url, Properties properties) {
        if (properties != null && properties.getProperty("transaction_mode") != null) {
            return properties.getProperty("transaction_mode");
        }
        int query = url == null ? -1 : url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("transaction_mode")) {
                return parameter.substring(equals + 1).trim();
            }
        }
        return null;
    }
}
