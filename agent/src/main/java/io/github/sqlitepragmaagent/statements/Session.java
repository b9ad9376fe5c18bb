package io.github.sqlitepragmaagent.statements;

import java.lang.ref.WeakReference;
import java.sql.Connection;

/**
 * What the agent knows about one open connection that it tuned: the database, what the agent changed
 * on it, and where its transaction stands.
 *
 * <p>The mutable fields are touched by the hooks, which run inside the driver's lock on the
 * connection's DB (or, for setReadOnly, on the app's thread that owns the connection); they are
 * volatile so that a connection handed between threads by a pool is seen consistently.
 */
final class Session {

    /** The absolute path of the database file, or {@code :memory:} / {@code temp}. */
    final String database;
    /**
     * True when foreign_keys=ON is the agent's doing, not something the app asked for; false again once
     * the agent had to leave foreign keys off on this connection.
     */
    volatile boolean agentForeignKeys;
    /**
     * The begin statement for read-write transactions the agent chose (e.g. {@code begin immediate;}),
     * or null to keep the one the driver issues.
     */
    final String beginSql;
    /**
     * True when sqlite-jdbc handles {@code setReadOnly} on this connection itself (explicit_readonly, or a
     * connection opened read-only): the agent leaves the read-only flag to the driver there.
     */
    final boolean driverHandlesReadOnly;
    /** True when the connection was opened read-only (open mode, {@code mode=ro}, {@code immutable=1}). */
    final boolean openedReadOnly;
    /** The app's connection, weakly: the agent must never keep a connection the app dropped. */
    private final WeakReference<Connection> connection;

    /** The begin the driver asked for and the agent delayed until the first statement; null when none. */
    volatile String pendingBegin;
    /** True from a begin the agent ran (or let run) until the commit or rollback that ends it. */
    volatile boolean inTransaction;
    /**
     * The read-only flag where the agent emulates it: true after {@code setReadOnly(true)}, writes refused
     * by {@code query_only}, transactions DEFERRED.
     */
    volatile boolean readOnly;
    /** True after the app's own {@code PRAGMA query_only=1}: its transactions begin DEFERRED, like a read-only connection's. */
    volatile boolean appQueryOnly;
    /**
     * The busy timeout the app's own last {@code PRAGMA busy_timeout = N} set, which the driver's configuration
     * does not see; -1 when it ran none. Bounds this connection's wait in the writers' line.
     */
    volatile long appBusyTimeoutMillis = -1;
    /** True when WAL on this connection is the agent's default, which gives way to a rollback journal on a nearly full disk. */
    volatile boolean agentWal;
    /** True once the app ran {@code PRAGMA journal_mode=...} itself: from then on the journal mode is the app's. */
    volatile boolean appJournalMode;
    /** {@code System.nanoTime()} before which this connection does not try again to leave WAL (see {@link LowSpaceJournal}). */
    volatile long leaveWalAfter;
    /** True once the agent took this connection's database out of WAL for lack of space. */
    volatile boolean leftWal;
    /** True for a database Litestream replicates: its WAL is Litestream's, on a nearly full disk too. */
    volatile boolean walLeftAlone;
    /** True once the app ran {@code PRAGMA foreign_keys} itself: from then on the setting is the app's. */
    volatile boolean appForeignKeys;
    /** The statement for which the agent switched foreign keys off around a DROP TABLE; null when none. */
    volatile Object foreignKeysOffFor;
    /** Statements left at which the agent checks whether it can switch foreign keys back on. */
    volatile int restoreAttemptsLeft;
    /** The schema migration this connection's transaction runs as, with foreign keys off; null when none. */
    volatile Migration migration;
    /**
     * The id of the app's thread that began this connection's transaction with the agent's IMMEDIATE or
     * EXCLUSIVE begin, which holds the database's write lock until the transaction ends; 0 otherwise. An
     * id, not the Thread: nothing here may keep a thread (and its context class loader) alive.
     */
    volatile long writerThreadId;
    /** The statements it ran last, for naming a read that pins the WAL (see {@link OpenReads}). */
    final ReadStarts reads = new ReadStarts();
    /**
     * While {@link #writerThreadId} is set: {@code System.nanoTime()} when the write lock was taken, and the
     * statement that began the transaction (the text the driver already holds: nothing is copied). Read only
     * when another connection meets the lock, to name this holder.
     */
    volatile long writeLockSince;
    volatile String firstStatement;
    /** The {@link #writeLockSince} of the holding transaction already named in the log: once per holder. */
    volatile long holderReported;
    /**
     * False while every statement of the transaction the agent began IMMEDIATE was a plain read (SELECT):
     * such a transaction that commits held the write lock for nothing (a readOnly mark is missing).
     */
    volatile boolean mayHaveWritten;
    /**
     * The session of this same thread whose transaction holds the write lock, when this connection's
     * transaction began DEFERRED beneath it (a nested transaction); null otherwise.
     */
    volatile Session nestedUnder;
    /** What the connection was doing when a lock error arrives. */
    volatile LockErrors.Kind operation = LockErrors.Kind.STATEMENT;

    Session(String database, boolean agentForeignKeys, String beginSql, boolean driverHandlesReadOnly,
            boolean openedReadOnly, Connection connection) {
        this.database = database;
        this.agentForeignKeys = agentForeignKeys;
        this.beginSql = beginSql;
        this.driverHandlesReadOnly = driverHandlesReadOnly;
        this.openedReadOnly = openedReadOnly;
        this.connection = new WeakReference<Connection>(connection);
    }

    /** The app's connection, or null once the app dropped it. */
    Connection connection() {
        return connection.get();
    }
}
