package io.github.sqlitepragmaagent.audit;

import java.lang.ref.WeakReference;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One database file the app uses, as the audits know it: where it is, which driver opens it, and
 * what the last audit found.
 *
 * <p>The driver's class loader is held weakly: a web application that is undeployed must not be
 * kept in memory by the agent's audits; its databases are simply not audited any more.
 */
final class AuditedDatabase {

    final String path;
    private final WeakReference<ClassLoader> driverLoader;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<ScheduledFuture<?>>();
    private volatile AuditReport lastReport;
    private volatile AuditReport lastIntegrityReport;
    private volatile long auditsRun;

    AuditedDatabase(String path, ClassLoader driverLoader) {
        this.path = path;
        this.driverLoader = new WeakReference<ClassLoader>(driverLoader);
    }

    /** A driver instance from the app's own sqlite-jdbc, or null when its class loader is gone. */
    Driver driver() throws ReflectiveOperationException {
        ClassLoader loader = driverLoader.get();
        if (loader == null) {
            return null;
        }
        return (Driver) Class.forName("org.sqlite.JDBC", true, loader).getDeclaredConstructor().newInstance();
    }

    synchronized void addSchedule(ScheduledFuture<?> schedule) {
        schedules.add(schedule);
    }

    /** Stops this database's periodic audits (its file or its driver is gone). */
    synchronized void stop() {
        for (ScheduledFuture<?> schedule : schedules) {
            schedule.cancel(false);
        }
        schedules.clear();
    }

    void recorded(AuditReport report) {
        lastReport = report;
        if (report.get("integrity") != null) {
            lastIntegrityReport = report;
        }
        auditsRun++;
    }

    AuditReport lastReport() {
        return lastReport;
    }

    AuditReport lastIntegrityReport() {
        return lastIntegrityReport;
    }

    long auditsRun() {
        return auditsRun;
    }
}
