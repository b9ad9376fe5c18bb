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
    private final FirstOpenListener firstOpenListener;
    private final SettingsCache settings;
    /** See {@link Faults#TUNE}: the tuner's own failure, on demand. */
    private final boolean injectedFault = Faults.TUNE.active();

    private final TuningStep busyTimeout = new BusyTimeoutStep();
    private final TuningStep journalMode = new JournalModeStep();
    private final TuningStep pragmas = new PragmaBatchStep();
    private final SynchronousRule synchronous;

    public ConnectionTuner(AgentConfig config, Logger log, TuningStats stats, FirstOpenListener firstOpenListener) {
        this.config = config;
        this.stats = stats;
        this.reports = new TuningReports(log);
        this.firstOpenListener = firstOpenListener;
        this.settings = new SettingsCache(config);
        this.synchronous = new SynchronousRule(reports);
    }

    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
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
            String readBack = tune((Connection) connection, request, database, describe);
            if (describe && reports.tuned(request, readBack)) {
                firstOpenListener.firstOpen(request, (Connection) connection);
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
        String readBack = tune(connection, request, database, true);
        return readBack != null ? readBack : "not read back: another connection holds the database locked";
    }

    /**
     * The tuning of one connection, start to end: the busy timeout first (everything after it may
     * wait for a lock), then the journal mode, then every other setting (synchronous only as the
     * journal mode allows); then, if asked and the lock allows, what the connection now reads back
     * (null otherwise). All of it waits for other connections' locks one busy timeout at most.
     */
    private String tune(Connection connection, OpenRequest request, DatabaseSettings database, boolean readBack)
            throws SQLException {
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
            if (!readBack || !session.canReadBack()) {
                return null;
            }
            return ReadBack.describe(session, database.pragmas())
                    + (database.rule() == null ? "" : " rule=" + database.rule().number());
        } finally {
            try {
                session.close();
            } finally {
                markUnused(connection);
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
