package io.github.sqlitepragmaagent.entry;

import io.github.sqlitepragmaagent.audit.AuditScheduler;
import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.bridge.StatementListener;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.statements.LockErrorRegistry;
import io.github.sqlitepragmaagent.statements.StatementHooks;
import io.github.sqlitepragmaagent.tune.ConnectionTuner;
import io.github.sqlitepragmaagent.tune.TuningStats;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;

/**
 * The agent's working parts (tuner, audits, sessions, statement hooks), built when the app opens its
 * first SQLite connection: a JVM that never opens one loads none of their classes, and one that does
 * pays for them then, not while it starts.
 */
final class AgentRuntime implements ConnectionListener, StatementListener {

    private final AgentConfig config;
    private final Logger log;
    private volatile Parts parts;

    AgentRuntime(AgentConfig config, Logger log) {
        this.config = config;
        this.log = log;
    }

    /** Everything that works on connections, wired once. */
    private static final class Parts {
        final ConnectionListener opened;
        final StatementListener statements;

        Parts(AgentConfig config, Logger log) {
            TuningStats stats = new TuningStats();
            LockErrorRegistry lockErrors = new LockErrorRegistry(log);
            StatementHooks statementHooks = new StatementHooks(log, lockErrors, config.lockWaitReportMillis(),
                    config.writersQueue());
            AuditScheduler audits = new AuditScheduler(config, log, AgentVersion.describe(), stats, lockErrors);
            audits.followStatements(statementHooks.openReads(), statementHooks.diskSpace());
            this.opened = new ConnectionTuner(config, log, stats, audits, statementHooks.sessions());
            this.statements = statementHooks;
        }
    }

    private Parts parts() {
        Parts current = parts;
        if (current == null) {
            synchronized (this) {
                if (parts == null) {
                    parts = new Parts(config, log);
                }
                current = parts;
            }
        }
        return current;
    }

    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        parts().opened.connectionOpened(connection, url, properties);
    }

    // Statement hooks before the first connection was seen have no session to work on: nothing to do.

    @Override
    public void beforePrepare(Object db, Object statement, String sql) throws SQLException {
        Parts current = parts;
        if (current != null) {
            current.statements.beforePrepare(db, statement, sql);
        }
    }

    @Override
    public void beforeExecute(Object db, Object statement, String sql) throws SQLException {
        Parts current = parts;
        if (current != null) {
            current.statements.beforeExecute(db, statement, sql);
        }
    }

    @Override
    public boolean beforeDriverExec(Object db, String sql) throws SQLException {
        Parts current = parts;
        return current != null && current.statements.beforeDriverExec(db, sql);
    }

    @Override
    public void error(Object db, int code) {
        Parts current = parts;
        if (current != null) {
            current.statements.error(db, code);
        }
    }

    @Override
    public boolean setReadOnly(Object connection, boolean readOnly) throws SQLException {
        Parts current = parts;
        return current != null && current.statements.setReadOnly(connection, readOnly);
    }

    @Override
    public Boolean isReadOnly(Object connection) {
        Parts current = parts;
        return current == null ? null : current.statements.isReadOnly(connection);
    }
}
