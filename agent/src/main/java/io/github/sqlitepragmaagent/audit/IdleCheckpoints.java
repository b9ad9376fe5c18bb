package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.bridge.AgentBridge;
import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Litestream;
import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Checkpoints a WAL database once the app has stopped writing to it ({@code checkpoint.idle}), so that
 * {@code app.db} alone holds every commit and the {@code -wal} is empty: a cron job's copy of the file
 * is complete, and a kill -9 leaves no frames behind to be replayed onto a restored copy.
 *
 * <p>It runs on the audit thread every half of {@code checkpoint.idle}: a {@code stat} of the
 * {@code -wal} (see {@link FileLook}) that equals the previous one means nothing was written for at least
 * half the period, so a checkpoint comes at most {@code checkpoint.idle} after the app's last write.
 * Only then is a connection opened, the audit's own kind ({@link AuditConnection#open}), through the
 * app's own driver, and {@link Checkpoint} never makes the app wait. A WAL that is already empty costs
 * one {@code stat} per look. Litestream owns the checkpoints of the databases it replicates (a
 * checkpoint by anyone else makes it start a new generation, litestream #547): those are left alone,
 * said once.
 */
final class IdleCheckpoints {

    private final Logger log;
    private final OnceLog once = new OnceLog();
    private final long burstBytes;
    private final PinnedWal pinned;
    /** The WAL's size after the agent's last checkpoint of each database (or its smallest since): bursts count from it. */
    private final Map<AuditedDatabase, Long> walBytesAfterCheckpoint = new WeakHashMap<AuditedDatabase, Long>();
    /** Databases whose app saw SQLITE_FULL since the last look (any thread adds, the audit thread takes). */
    private final Set<String> diskFull = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    IdleCheckpoints(Logger log, long burstBytes, PinnedWal pinned) {
        this.log = log;
        this.burstBytes = burstBytes;
        this.pinned = pinned;
    }

    /** The app saw {@code SQLITE_FULL} on {@code database}: its next look checkpoints at once. Any thread. */
    boolean diskFull(String database) {
        return diskFull.add(database);
    }

    /**
     * One look at {@code database}'s WAL, and a checkpoint when it has not changed since the previous look
     * (idle), grew by {@code checkpoint.burst} since the agent's last checkpoint (burst), or the app's disk
     * is full (disk_full).
     */
    void look(AuditedDatabase database) {
        FileLook now = FileLook.ofWal(database.path);
        FileLook before = database.walLooked(now);
        boolean full = diskFull.remove(database.path);
        if (!now.holdsFrames()) {
            pinned.empty(database);
            walBytesAfterCheckpoint.remove(database);
        }
        if (!now.holdsFrames() || database.managedByLitestream()) {
            return;
        }
        Long base = walBytesAfterCheckpoint.get(database);
        if (base == null || now.bytes < base) {
            base = now.bytes < burstBytes ? now.bytes : 0L;
            walBytesAfterCheckpoint.put(database, base);
        }
        String reason = full ? "disk_full" : now.equals(before) ? "idle" : now.bytes - base >= burstBytes ? "burst" : null;
        if (reason == null) {
            return;
        }
        long started = System.nanoTime();
        AgentBridge.agentWorkBegins();
        try {
            Driver driver = database.driver();
            File file = new File(database.path);
            if (driver == null || !file.isFile()) {
                return; // the audits notice and forget the database
            }
            Connection connection = AuditConnection.open(driver, file);
            try {
                String litestreamTable = Litestream.table(connection);
                if (litestreamTable != null) {
                    database.litestreamFound();
                    log.info("checkpoint.idle is off for {}: Litestream manages it (its table {} exists) and must run its"
                            + " checkpoints itself", database.path, litestreamTable);
                    return;
                }
                Checkpoint checkpoint = Checkpoint.run(connection);
                FileLook afterwards = FileLook.ofWal(database.path);
                // The next look compares with the WAL as the checkpoint left it, not as the app last wrote it.
                database.walLooked(afterwards);
                long after = afterwards.bytes;
                long millis = (System.nanoTime() - started) / 1_000_000;
                database.checkpointed(new CheckpointSnapshot(System.currentTimeMillis(), checkpoint.result, now.bytes, millis));
                walBytesAfterCheckpoint.put(database, after);
                pinned.checkpointed(database, checkpoint, after);
                if (full && once.first("disk-full|" + database.path)) {
                    log.warn("db={} the app's disk is full (SQLITE_FULL): the agent checkpointed its WAL at once to give"
                            + " back the WAL's space, result={} wal_bytes_before={} wal_bytes_after={}{} (said once per"
                            + " database)", database.path, checkpoint.result.name().toLowerCase(java.util.Locale.ROOT),
                            now.bytes, after, after > 0 ? "; the WAL keeps its size until nothing reads or writes it" : "");
                }
                String line = "checkpoint db=" + database.path + " reason=" + reason + " result="
                        + checkpoint.result.name().toLowerCase(java.util.Locale.ROOT) + " wal_frames=" + checkpoint.walFrames
                        + " copied_frames=" + checkpoint.copiedFrames + " wal_bytes_before=" + now.bytes
                        + " wal_bytes_after=" + after + " took_ms=" + millis;
                // The first one per database says that idle checkpoints run; the others would be one line per pause.
                if (once.first(database.path + "|" + reason)) {
                    log.info(line);
                } else {
                    log.debug(line);
                }
            } finally {
                connection.close();
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            database.checkpointed(new CheckpointSnapshot(System.currentTimeMillis(), null, now.bytes,
                    (System.nanoTime() - started) / 1_000_000));
            if (full && once.first("disk-full|" + database.path)) {
                log.warn("db={} the app's disk is full (SQLITE_FULL) and the WAL holds {} bytes; the agent's checkpoint to"
                        + " give them back failed ({}): the database file must grow to take the WAL's frames, so the WAL"
                        + " keeps its size (and stays after the app exits) until space is freed on that filesystem; the"
                        + " agent's idle checkpoints keep trying (said once per database)", database.path, now.bytes,
                        e.toString());
            } else if (once.first("failed|" + database.path + "|" + e.getClass().getName())) {
                log.warn("idle checkpoint of {} failed: {}; the WAL keeps its frames until the app's own checkpoints"
                        + " (or its last close) move them", database.path, e.toString());
            }
        } finally {
            AgentBridge.agentWorkDone();
        }
    }
}
