package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.PragmaSpec.Step;
import io.github.sqlitepragmaagent.support.Faults;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final TuningStats stats;
    private final TuningReports reports;
    private final OpenListener openListener;
    private final SettingsCache settings;
    /** See {@link Faults#TUNE}: the tuner's own failure, on demand. */
    private final boolean injectedFault = Faults.TUNE.active();

    private final TuningStep busyTimeout = new BusyTimeoutStep();
    private final TuningStep journalMode = new JournalModeStep();
    private final TuningStep pragmas = new PragmaBatchStep();
    private final SynchronousRule synchronous;

    public ConnectionTuner(AgentConfig config, Logger log, TuningStats stats, OpenListener openListener) {
        this.config = config;
        this.stats = stats;
        this.reports = new TuningReports(log);
        this.openListener = openListener;
        this.settings = new SettingsCache(config);
        this.synchronous = new SynchronousRule(reports);
    }

    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        connectionOpened(connection, url, properties, null);
    }

    /**
     * Tunes a new connection, then hands it to {@code next} (null for none) while the tuning's busy
     * deadline still holds: the agent's other work on a new connection waits for another process's
     * lock no longer than what is left of the same one busy timeout. {@code next} is called in every
     * case (a database left alone, a tuner failure); what it throws is its own, not the tuner's.
     */
    public void connectionOpened(Object connection, String url, Properties properties, ConnectionListener next) {
        Follower follower = new Follower(next, connection, url, properties);
        try {
            tuneOpened(connection, url, properties, follower);
        } finally {
            follower.runIfNotYet();
        }
        follower.rethrow();
    }

    private void tuneOpened(Object connection, String url, Properties properties, Follower follower) {
        if (!(connection instanceof Connection)) {
            return;
        }
        OpenRequest request = null;
        try {
            request = OpenRequest.of(connection, url, properties);
            if (injectedFault) {
                throw Faults.TUNE.injected();
            }
            DatabaseSettings database = settings.of(request);
            if (database.excluded()) {
                reports.excluded(request, database);
                return;
            }
            boolean describe = reports.wantsReadBack(request);
            String readBack = tune((Connection) connection, request, database, describe, follower);
            if (describe && reports.tuned(request, readBack)) {
                openListener.firstOpen(request, (Connection) connection);
            } else {
                openListener.opened(request, (Connection) connection);
            }
            stats.connectionTuned();
        } catch (Throwable t) {
            stats.pragmaFailed();
            reports.internalError(request == null ? String.valueOf(url) : request.database(), t);
        }
    }

    /**
     * For the {@code check} command: tunes {@code connection} exactly as the agent would tune a
     * connection opened with {@code url} and {@code properties}, and returns what it reads back.
     */
    public String tuneAndReadBack(Connection connection, String url, Properties properties) throws SQLException {
        OpenRequest request = OpenRequest.of(connection, url, properties);
        DatabaseSettings database = settings.of(request);
        if (database.excluded()) {
            return "none: excluded by " + database.rule() + ", the agent leaves this database alone";
        }
        String readBack = tune(connection, request, database, true, Follower.NONE);
        return readBack != null ? readBack : "not read back: another connection holds the database locked";
    }

    /**
     * The tuning of one connection, start to end: the busy timeout first (everything after it may
     * wait for a lock), then the journal mode, then every other setting (synchronous only as the
     * journal mode allows); then, if asked and the lock allows, what the connection now reads back
     * (null otherwise). All of it waits for other connections' locks one busy timeout at most.
     */
    private String tune(Connection connection, OpenRequest request, DatabaseSettings database, boolean readBack,
            Follower follower) throws SQLException {
        PragmaPlan plan = PragmaPlan.of(config, database, request, request.readOnly() || connection.isReadOnly());
        reports.keptFromApp(request, plan);
        reports.networkFilesystem(request, database, plan);
        TuningSession session = new TuningSession(connection, request, plan, stats);
        try {
            busyTimeout.apply(plan.toApply(Step.DRIVER_SETTER), session);
            session.startDeadline();
            journalMode.apply(plan.toApply(Step.CHECKED_QUERY), session);
            pragmas.apply(synchronous.filter(plan.toApply(Step.SETTING, Step.ACTION), session), session);
            reports.failures(request, session.failures());
            String described = readBack && session.canReadBack()
                    ? ReadBack.describe(session, database.pragmas()) + (database.rule() == null ? "" : " rule=" + database.rule().number())
                    : null;
            session.statement(); // holds whatever the follower runs to what is left of the deadline
            follower.runIfNotYet();
            return described;
        } finally {
            try {
                session.close();
            } finally {
                markUnused(connection);
            }
        }
    }

    /** The listener that runs after the tuner, within its deadline; run once, its failure kept for its caller. */
    private static final class Follower {

        static final Follower NONE = new Follower(null, null, null, null);

        private final ConnectionListener next;
        private final Object connection;
        private final String url;
        private final Properties properties;
        private boolean done;
        private RuntimeException failure;

        Follower(ConnectionListener next, Object connection, String url, Properties properties) {
            this.next = next;
            this.connection = connection;
            this.url = url;
            this.properties = properties;
        }

        void runIfNotYet() {
            if (next == null || done) {
                return;
            }
            done = true;
            try {
                next.connectionOpened(connection, url, properties);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void markUnused(Connection connection) {
        try {
            DriverHandles.of(connection).markUnused(connection);
        } catch (Exception e) {
            reports.markUnusedFailed(connection.getClass(), e);
        }
    }
}
