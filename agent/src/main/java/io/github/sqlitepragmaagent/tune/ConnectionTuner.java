package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.PragmaSpec.Step;
import io.github.sqlitepragmaagent.driver.DriverCopies;
import io.github.sqlitepragmaagent.driver.DriverHandles;
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
    private final TunedConnectionListener next;
    private final SettingsCache settings;
    private final DriverCopies driverCopies = new DriverCopies();
    /** See {@link Faults#TUNE}: the tuner's own failure, on demand. */
    private final boolean injectedFault = Faults.TUNE.active();

    private final TuningStep busyTimeout = new BusyTimeoutStep();
    private final TuningStep journalMode = new JournalModeStep();
    private final TuningStep pragmas = new PragmaBatchStep();
    private final SynchronousRule synchronous;

    /**
     * {@code openListener} hears of each tuned connection (the database's first apart), {@code next} of
     * every connection the tuner resolved.
     */
    public ConnectionTuner(AgentConfig config, Logger log, TuningStats stats, OpenListener openListener,
            TunedConnectionListener next) {
        this.config = config;
        this.stats = stats;
        this.reports = new TuningReports(log);
        this.openListener = openListener;
        this.next = next;
        this.settings = new SettingsCache(config);
        this.synchronous = new SynchronousRule(reports);
    }

    /**
     * Tunes a new connection, then hands what it resolved to the next step while the tuning's busy
     * deadline still holds: the agent's other work on a new connection waits for another process's
     * lock no longer than what is left of the same one busy timeout. The next step hears of every
     * connection the tuner resolved (tuned, or failed part-way); what it throws is its own, not the tuner's.
     */
    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        Handover handover = new Handover(next);
        try {
            tuneOpened(connection, url, properties, handover);
        } finally {
            handover.runIfNotYet();
        }
        handover.rethrow();
    }

    private void tuneOpened(Object connection, String url, Properties properties, Handover handover) {
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
            String readBack = tune((Connection) connection, request, database, describe, handover);
            if (describe && reports.tuned(request, readBack)) {
                openListener.firstOpen(request, (Connection) connection);
            } else {
                openListener.opened(request, (Connection) connection);
            }
            if (request.kind() == OpenRequest.Kind.FILE) {
                ClassLoader other = driverCopies.anotherCopy(request.database(), connection.getClass().getClassLoader());
                if (other != null) {
                    openListener.anotherDriverCopy(request, (Connection) connection, other);
                }
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
        String readBack = tune(connection, request, database, true, new Handover(TunedConnectionListener.NONE));
        return readBack != null ? readBack : "not read back: another connection holds the database locked";
    }

    /**
     * The tuning of one connection, start to end: the busy timeout first (everything after it may
     * wait for a lock), then the journal mode, then every other setting (synchronous only as the
     * journal mode allows); then, if asked and the lock allows, what the connection now reads back
     * (null otherwise). All of it waits for other connections' locks one busy timeout at most.
     * Keep it a recipe: each step's own class does the work, this method only says the order.
     */
    private String tune(Connection connection, OpenRequest request, DatabaseSettings database, boolean readBack,
            Handover handover) throws SQLException {
        PragmaPlan plan = PragmaPlan.of(config, database, request, request.readOnly() || connection.isReadOnly());
        handover.resolved(new TunedConnection(connection, request, database, plan));
        reports.keptFromApp(request, plan);
        reports.networkFilesystem(request, database, plan);
        reports.readOnlyReaders(request, database, plan);
        reports.shortOfSpace(request, plan);
        TuningRun run = new TuningRun(connection, request, plan, stats);
        try {
            busyTimeout.apply(plan.toApply(Step.DRIVER_SETTER), run);
            run.startDeadline();
            journalMode.apply(plan.toApply(Step.CHECKED_QUERY), run);
            pragmas.apply(synchronous.filter(plan.toApply(Step.SETTING, Step.ACTION), run), run);
            reports.failures(request, run.failures());
            String described = readBack && run.canReadBack()
                    ? ReadBack.describe(run, database.pragmas()) + (database.rule() == null ? "" : " rule=" + database.rule().number())
                    : null;
            run.statement(); // holds whatever the next step runs to what is left of the deadline
            handover.runIfNotYet();
            return described;
        } finally {
            try {
                run.close();
            } finally {
                markUnused(connection);
            }
        }
    }

    /** Hands the tuned connection to the next step once, its failure kept for the tuner's caller. */
    private static final class Handover {

        private final TunedConnectionListener next;
        private TunedConnection tuned;
        private boolean done;
        private RuntimeException failure;

        Handover(TunedConnectionListener next) {
            this.next = next;
        }

        /** What the tuner resolved; until then (an excluded database, a failure before the plan) nothing is handed on. */
        void resolved(TunedConnection connection) {
            tuned = connection;
        }

        void runIfNotYet() {
            if (tuned == null || done) {
                return;
            }
            done = true;
            try {
                next.connectionTuned(tuned);
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
