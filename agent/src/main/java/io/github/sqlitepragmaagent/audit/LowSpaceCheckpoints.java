package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.driver.JdbcDriver;
import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Litestream;
import java.io.File;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Checkpoints a WAL database before each transaction of the app while its filesystem is nearly full
 * ({@code checkpoint.low.space}), so that the disk fills with the database and not with its WAL; and tells
 * the statement layer that space is short, where the agent's own default WAL gives way to a rollback journal
 * ({@code statements.LowSpaceJournal}). What is left to this class is WAL that the app or the operator asked for.
 *
 * <p>Why: a WAL takes each commit's room twice, first as frames in the {@code -wal}, then as the pages a
 * checkpoint writes into the database file, which must grow for them. On a full disk that growth fails,
 * so the WAL can neither be moved nor shrink: measured on an 8 MiB filesystem, the app fitted 1,326 rows
 * under WAL against 2,038 with a rollback journal, and a 4 MiB {@code -wal} stayed after it exited. So a
 * transaction starts with a checkpoint whenever the WAL holds more than an eighth of the free space:
 * rarely while there is room, before every transaction at the very end, when the WAL is kept about one
 * transaction long, as a rollback journal is. Each such checkpoint costs about what a rollback journal's
 * commit costs (two fsyncs, measured 4-9 ms here against 2-3 ms for a rollback journal's commit), which
 * is why it is not done before every transaction as soon as space is short.
 *
 * <p>Why on the app's thread, as its transaction starts: only there does the checkpoint come before the
 * next commit rather than some commits later. It runs on the agent's own connection, opened through the
 * app's own copy of SQLite ({@link AuditConnection}), whose busy timeout is 0 ({@link Checkpoint}): it
 * never waits for a lock, so it can slow a transaction's start (about a rollback journal's own cost per
 * commit) but never stall it. The agent's connection is closed each time, so that the app's last close
 * is still the one that deletes the {@code -wal}. While space is plentiful this costs one {@code nanoTime}
 * per transaction, and one map lookup and {@code statvfs} every 100 ms (for the database whose transaction
 * comes first then, and at a database's first transaction); once space is short, both per transaction
 * (a {@code statvfs} costs microseconds, a checkpoint milliseconds).
 */
final class LowSpaceCheckpoints {

    private static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** While space is short, the WAL may hold at most this fraction (1/N) of the free space before a transaction starts. */
    private static final long WAL_SHARE_OF_FREE = 8;
    /** SQLite's primary result code for a full disk. */
    private static final int SQLITE_FULL = 13;

    private final Logger log;
    private final long lowBytes;
    private final OnceLog once = new OnceLog();
    private final ConcurrentMap<String, Watch> watches = new ConcurrentHashMap<String, Watch>();
    /** True while some watched database is short of space (set by its look, cleared by the look that finds room). */
    private volatile boolean anyLow;
    private volatile long nextLookNanos = System.nanoTime();

    /** How much space is free where a file is ({@link File#getUsableSpace}); a test hands in a disk of its own. */
    interface FreeSpace {
        long of(File directory);
    }

    private static final FreeSpace USABLE = new FreeSpace() {
        @Override
        public long of(File directory) {
            return directory.getUsableSpace();
        }
    };

    private final FreeSpace freeSpace;

    LowSpaceCheckpoints(Logger log, long lowBytes) {
        this(log, lowBytes, USABLE);
    }

    LowSpaceCheckpoints(Logger log, long lowBytes, FreeSpace freeSpace) {
        this.log = log;
        this.lowBytes = lowBytes;
        this.freeSpace = freeSpace;
    }

    /** The app opened {@code path} through {@code driverClass}'s copy of SQLite. Any thread. */
    void watch(String path, Class<?> driverClass) {
        Watch known = watches.putIfAbsent(path, new Watch(path, driverClass));
        nextLookNanos = System.nanoTime(); // its first transaction looks at its free space
        if (known != null && known.driverClass.get() != driverClass) {
            // A connection closed through one copy of SQLite would release the file locks the other copy holds.
            known.sharedByDriverCopies = true;
        }
    }

    /** The app no longer uses {@code path}. */
    void forget(String path) {
        Watch gone = watches.remove(path);
        if (gone != null && gone.low) {
            anyLow = anyWatchLow(); // else every transaction would keep taking the short-of-space path
        }
    }

    /**
     * On the app's thread, inside the driver's lock on its connection, before a transaction starts on {@code path}.
     * True while its filesystem is short of space.
     */
    boolean transactionStarting(String path) {
        // While no database is short of space, a transaction only looks at the clock: the next look at a
        // database's free space is due for all of them at once (the transaction that comes then makes it).
        long now = System.nanoTime();
        if (!anyLow) {
            if (now - nextLookNanos < 0) {
                return false;
            }
            nextLookNanos = now + LOOK_NANOS;
        }
        Watch watch = watches.get(path);
        if (watch == null) {
            return false;
        }
        // Once space is short, the free space of 100 ms ago says too little: a fast writer fills megabytes in less.
        if (watch.low || now - watch.lookedAt >= LOOK_NANOS) {
            watch.lookedAt = now;
            look(watch);
        }
        if (watch.low && !watch.sharedByDriverCopies && walOverItsShare(watch)) {
            // One checkpoint at a time, and the transactions that start meanwhile wait for it: several writers commit
            // faster than a checkpoint that lets them go on can copy (measured: four writers of a pool on 24 MiB
            // grew the WAL by 1.6 MB during one 10 ms checkpoint, fitted 5,380 to 5,741 rows of 6,125 and left a
            // 1.6 to 3.2 MB -wal). The checkpoint itself never waits for a lock (busy timeout 0): the wait is its own
            // few milliseconds, about what a rollback journal's commit takes.
            synchronized (watch) {
                if (walOverItsShare(watch)) {
                    checkpoint(watch);
                }
            }
        }
        return watch.low;
    }

    private static boolean walOverItsShare(Watch watch) {
        return FileLook.ofWal(watch.path).bytes > watch.freeBytes / WAL_SHARE_OF_FREE;
    }

    private void look(Watch watch) {
        long free = freeSpace.of(watch.directory);
        watch.freeBytes = free;
        // Once short, there is room again only at twice the limit: the space a checkpoint gives back by truncating
        // the WAL must not end the episode, or the WAL grows back into it (measured: a 24 MiB filesystem that
        // filled while the app wrote kept a 4 MiB -wal and fitted 5,173 rows of 6,125).
        long limit = watch.low ? Math.max(lowBytes, 2 * lowBytes) : lowBytes; // (max: 2 * a huge limit overflows)
        boolean low = io.github.sqlitepragmaagent.support.FreeSpace.isBelow(free, limit, watch.directory);
        if (low == watch.low) {
            return;
        }
        watch.low = low;
        anyLow = low || anyWatchLow();
        if (low && once.first("low|" + watch.path)) {
            log.warn("db={} its filesystem has {} bytes free, less than checkpoint.low.space ({} bytes): until it has more,"
                    + " the agent checkpoints its WAL before a transaction of the app whenever the WAL holds more than an"
                    + " eighth of the free space, so that a full disk finds the WAL about one transaction long; near the end"
                    + " that is every transaction, and writes slow down to about a rollback journal's pace; where WAL is the"
                    + " agent's own default, the database leaves WAL for journal_mode=DELETE instead (said once per"
                    + " database)", watch.path, free, lowBytes);
        } else if (!low && once.first("room|" + watch.path)) {
            log.info("db={} its filesystem has {} bytes free again, twice checkpoint.low.space ({} bytes) or more: back to"
                    + " idle and burst checkpoints (said once per database)", watch.path, free, lowBytes);
        }
    }

    private boolean anyWatchLow() {
        for (Watch other : watches.values()) {
            if (other.low) {
                return true;
            }
        }
        return false;
    }

    private void checkpoint(Watch watch) {
        if (Boolean.TRUE.equals(watch.litestream)) {
            return;
        }
        try {
            Class<?> driverClass = watch.driverClass.get();
            File file = new File(watch.path);
            if (driverClass == null || !file.isFile()) {
                return;
            }
            Connection connection = AuditConnection.open(JdbcDriver.instance(driverClass), file);
            try {
                if (watch.litestream == null) {
                    // Litestream owns its databases' checkpoints (IdleCheckpoints says so once).
                    watch.litestream = Boolean.valueOf(Litestream.table(connection) != null);
                    if (watch.litestream.booleanValue()) {
                        return;
                    }
                }
                Checkpoint.run(connection);
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLITE_FULL || e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("disk is full")) {
                if (once.first("full|" + watch.path)) {
                    log.warn("db={} the disk is full: the checkpoint before the app's transaction could not grow the database"
                            + " file to take the WAL's last commits ({} bytes of -wal); they are committed and safe in the"
                            + " -wal, which stays until space is freed (said once per database)", watch.path,
                            FileLook.ofWal(watch.path).bytes);
                }
            } else {
                failed(watch, e);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed(watch, e);
        }
    }

    private void failed(Watch watch, Exception e) {
        if (once.first("failed|" + watch.path + "|" + e.getClass().getName())) {
            log.warn("low-space checkpoint of {} failed: {}", watch.path, e.toString());
        }
    }

    /** One database's free-space look, shared by the app's threads that use it. */
    private static final class Watch {
        final String path;
        final File directory;
        /** Held weakly: an undeployed web application's driver must not be kept by the agent. */
        final WeakReference<Class<?>> driverClass;
        volatile long lookedAt;
        volatile boolean low;
        /** Free bytes at the last look. */
        volatile long freeBytes;
        volatile boolean sharedByDriverCopies;
        /** Whether Litestream manages it; null until the first checkpoint looked. */
        volatile Boolean litestream;

        Watch(String path, Class<?> driverClass) {
            this.path = path;
            this.directory = io.github.sqlitepragmaagent.support.FreeSpace.directoryOf(path);
            this.driverClass = new WeakReference<Class<?>>(driverClass);
            this.lookedAt = System.nanoTime() - LOOK_NANOS;
        }
    }
}
