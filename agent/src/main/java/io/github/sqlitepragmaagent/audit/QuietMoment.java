package io.github.sqlitepragmaagent.audit;

import java.util.concurrent.TimeUnit;

/**
 * When a database's first audit may start: once neither the database file nor its {@code -wal} has
 * changed for {@code audit.quiet}, or {@link #LONGEST_WAIT_NANOS} after it was due, whichever comes
 * first. The first audit's integrity check holds a read snapshot for as long as it reads the whole file,
 * so that a WAL cannot restart behind it and, in rollback-journal mode, no writer can commit; and the
 * first audit loads and compiles the audit's code on a machine the app may be starting on. The app's
 * writes are seen through {@code stat} only (size, time and file key of both files: {@link FileLook}
 * says why); a write from another process counts too.
 */
final class QuietMoment {

    /** A database written to without a pause is audited anyway, this long after its first audit was due. */
    static final long LONGEST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String path;
    private final long quietNanos;
    private final long latestNanos;
    private FileLook lastDatabase;
    private FileLook lastWal;
    private long unchangedSinceNanos;

    /** {@code quietMillis} 0: no waiting, the audit starts when due. */
    QuietMoment(String path, long quietMillis, long dueAtNanos) {
        this.path = path;
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        this.latestNanos = dueAtNanos + LONGEST_WAIT_NANOS;
    }

    /** How long between two looks at a database that has not gone quiet yet. */
    static long lookEveryNanos(long quietMillis) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(10, quietMillis / 2));
    }

    /** True when the audit may start now. Audit thread only: each call but the first with quiet on is a {@code stat} of two files. */
    boolean reached(long nowNanos) {
        if (quietNanos == 0 || nowNanos - latestNanos >= 0) {
            return true;
        }
        FileLook database = FileLook.of(path);
        FileLook wal = FileLook.ofWal(path);
        if (lastDatabase == null || !database.equals(lastDatabase) || !wal.equals(lastWal)) {
            lastDatabase = database;
            lastWal = wal;
            unchangedSinceNanos = nowNanos;
            return false;
        }
        return nowNanos - unchangedSinceNanos >= quietNanos;
    }
}
