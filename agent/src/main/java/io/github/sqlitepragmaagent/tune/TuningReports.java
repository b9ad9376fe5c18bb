package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.log.OnceLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Everything the tuner tells the operator, each said once per database and reason: an app opening
 * 10,000 connections to the same troubled database gets one line, not 10,000.
 */
final class TuningReports {

    /** Past this many databases waiting to be described, a locked database is simply not described. */
    private static final int MAX_UNDESCRIBED = 1_000;

    private final Logger log;
    private final OnceLog once = new OnceLog();
    /** Databases whose chosen connection a lock kept from being described: their next one is. */
    private final Set<String> undescribed = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    TuningReports(Logger log) {
        this.log = log;
    }

    void excluded(OpenRequest request, DatabaseSettings database) {
        if (once.first("excluded|" + request.database())) {
            log.info("db={} left alone: excluded by {}", request.database(), database.rule());
        }
    }

    void keptFromApp(OpenRequest request, PragmaPlan plan) {
        for (Map.Entry<String, String> kept : plan.keptFromApp().entrySet()) {
            if (once.first("kept|" + request.database() + "|" + kept.getKey() + "=" + kept.getValue())) {
                log.info("db={} keeps the app's own {}={} (set in its JDBC URL or Properties; override=true replaces it)",
                        request.database(), kept.getKey(), kept.getValue());
            }
        }
    }

    void networkFilesystem(OpenRequest request, DatabaseSettings database, PragmaPlan plan) {
        if (database.networkMount() != null && plan.skipped().containsKey("journal_mode")
                && once.first("network|" + request.database())) {
            log.warn("db={} is on a network filesystem ({}): journal_mode is left as it is, because WAL needs shared"
                    + " memory that network filesystems do not provide (wal.network=allow switches anyway)",
                    request.database(), database.networkMount());
        }
    }

    void readOnlyReaders(OpenRequest request, DatabaseSettings database, PragmaPlan plan) {
        if (database.readOnlyReaders() != null && plan.skipped().containsKey("journal_mode")
                && once.first("readonly-readers|" + request.database())) {
            log.warn("db={} keeps its journal mode (wal.readonly.readers=keep): the file is readable by {} who cannot"
                    + " write its directory {}, and in WAL they could not read it whenever the app is not running (reading"
                    + " a WAL database needs its -shm, which they cannot create there: 'attempt to write a readonly"
                    + " database'); for WAL take their read permission away (chmod go-r), let them write the directory,"
                    + " or set wal.readonly.readers=switch (or a rule's journal_mode) to switch anyway",
                    request.database(), database.readOnlyReaders(), new java.io.File(request.database()).getAbsoluteFile().getParent());
        }
    }

    void shortOfSpace(OpenRequest request, PragmaPlan plan) {
        if (plan.walShortOfSpace() && once.first("short-of-space|" + request.database())) {
            log.warn("db={} is not switched to WAL for now: {} (under WAL a disk that fills keeps the last commits in a"
                    + " -wal beside the database); connections the app opens once there is room switch it (said once per"
                    + " database)", request.database(), plan.skipped().get("journal_mode"));
        }
    }

    /** One line per database and reason, naming every setting that failed for it on this connection. */
    void failures(OpenRequest request, Failures failures) {
        for (Map.Entry<String, List<PragmaSetting>> failure : failures.byReason().entrySet()) {
            if (once.first("failed|" + request.database() + "|" + failure.getKey())) {
                List<String> settings = new ArrayList<String>();
                for (PragmaSetting setting : failure.getValue()) {
                    settings.add(setting.toString());
                }
                log.warn("db={} could not apply {}: {}; the connection is open without it (said once per database and reason)",
                        request.database(), String.join(", ", settings), failure.getKey());
            }
        }
    }

    /** A configured synchronous below FULL on a database that is not in WAL: said once per database. */
    void synchronousOutsideWal(OpenRequest request, PragmaSetting setting, String state) {
        if (once.first("synchronous-outside-wal|" + request.database())) {
            log.warn("db={} is not in WAL ({}): {} from {} is applied as configured, but outside WAL a power loss at"
                    + " the wrong moment can corrupt the database; configure synchronous=FULL for it, or let it use WAL",
                    request.database(), state, setting, setting.origin().origin());
        }
    }

    /**
     * True when this connection is the one to describe in the log: the database's first, or the next
     * one after a connection that a lock kept from being described. The caller then calls
     * {@link #tuned}.
     */
    boolean wantsReadBack(OpenRequest request) {
        return once.first("tuned|" + request.database()) || undescribed.remove(request.database());
    }

    /**
     * Describes the connection {@link #wantsReadBack} chose; {@code readBack} null means a lock kept
     * it from being read, and the next connection is described instead. True when it was described.
     */
    boolean tuned(OpenRequest request, String readBack) {
        if (readBack == null) {
            if (undescribed.size() < MAX_UNDESCRIBED) {
                undescribed.add(request.database());
            }
            return false;
        }
        log.info("tuned db={} {}", request.database(), readBack);
        return true;
    }

    void internalError(String database, Throwable t) {
        if (once.first("internal|" + database + "|" + t.getClass().getName())) {
            log.warn("could not tune a connection to {}: {}; the app keeps the connection as the driver opened it",
                    database, t.toString(), t);
        }
    }

    void markUnusedFailed(Class<?> connectionClass, Exception e) {
        if (once.first("mark-unused|" + connectionClass.getName())) {
            log.debug("could not reset the driver's first-statement flag: {}", e.toString());
        }
    }
}
