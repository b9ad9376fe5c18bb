package io.github.sqlitepragmaagent.statements;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The "database is locked" errors ({@code SQLITE_BUSY}, {@code SQLITE_LOCKED} and their extended codes)
 * that reached the app on one database, by kind. Counting costs nothing until an error happens.
 */
public final class LockErrors {

    /** What the connection was doing when the lock error came. */
    public enum Kind {
        /**
         * A statement inside a transaction: typically a transaction that read and then tried to write
         * after another connection wrote (SQLite fails that at once, without waiting: waiting could deadlock).
         */
        UPGRADE,
        /** Beginning a transaction, after waiting out the busy timeout. */
        BEGIN,
        /** Committing. */
        COMMIT,
        /** A statement outside any transaction, after waiting out the busy timeout. */
        STATEMENT
    }

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);
    private final AtomicBoolean upgradeWarned = new AtomicBoolean();

    /** True for SQLITE_BUSY and SQLITE_LOCKED, extended codes included. */
    static boolean isLockError(int code) {
        int primary = code & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    void count(Kind kind) {
        counts.incrementAndGet(kind.ordinal());
    }

    /** True the first time only: the first upgrade error of a database is worth one explanation. */
    boolean firstUpgrade() {
        return upgradeWarned.compareAndSet(false, true);
    }

    /** Lock errors of one kind so far. */
    public long of(Kind kind) {
        return counts.get(kind.ordinal());
    }

    /** All lock errors of this database so far. */
    public long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }
}
