package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.log.OnceLog;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;

/**
 * Who holds each database's write lock in this JVM, as far as the agent began it: the session whose
 * transaction began IMMEDIATE (or EXCLUSIVE), since when, and with which statement. SQLite has one
 * writer per database, so one holder at a time.
 *
 * <p>On the success path this is a map put and remove per write-locking transaction and two volatile
 * writes; nothing about a thread is captured. Only when another connection of the app meets the lock
 * (a lock error) is the holder's thread looked up and its stack read, once per holding transaction, so
 * that the log names what keeps everyone waiting. A thread that needs the lock it holds itself on
 * another connection is refused at once: no wait could ever end.
 */
final class WriteLockHolders {

    /** The length at which a statement's text is cut in a log line. */
    private static final int STATEMENT_SHOWN = 200;
    /** SQLite's primary result code for "database is locked". */
    static final int SQLITE_BUSY = 5;

    private final ConcurrentMap<String, Session> holders = new ConcurrentHashMap<String, Session>();
    private final Logger log;
    private final OnceLog once = new OnceLog();

    WriteLockHolders(Logger log) {
        this.log = log;
    }

    /** {@code session}'s transaction took the write lock on this thread, beginning with {@code firstStatement}. */
    void took(Session session, String firstStatement) {
        session.firstStatement = firstStatement;
        session.mayHaveWritten = false;
        session.writeLockSince = System.nanoTime();
        session.writerThreadId = Thread.currentThread().getId();
        holders.put(session.database, session);
    }

    /** The transaction of {@code session} ended: it no longer holds the write lock. */
    void released(Session session) {
        session.nestedUnder = null;
        if (session.writerThreadId != 0) {
            session.writerThreadId = 0;
            session.firstStatement = null;
            holders.remove(session.database, session);
        }
    }

    /** The session holding {@code database}'s write lock through the agent's begin, or null. */
    Session holderOf(String database) {
        return holders.get(database);
    }

    /**
     * The session of this very thread that holds {@code session}'s database's write lock on another
     * connection, still open; null when there is none.
     */
    Session heldByThisThreadElsewhere(Session session) {
        Session holder = holders.get(session.database);
        if (holder == null || holder == session || holder.writerThreadId != Thread.currentThread().getId()
                || !holder.inTransaction || Transactions.isClosed(holder.connection())) {
            return null;
        }
        return holder;
    }

    /**
     * Before {@code sql} runs on {@code session}: when it writes and this thread holds the write lock on
     * another connection, it could only wait out busy_timeout and fail (only this thread, stuck here, can
     * end the other transaction), so it fails now, saying why.
     */
    void refuseSelfWait(Session session, String sql) throws SQLException {
        if (!writes(sql)) {
            return;
        }
        Session holder = session.nestedUnder;
        if (holder == null || holder.writerThreadId != Thread.currentThread().getId() || !holder.inTransaction) {
            holder = heldByThisThreadElsewhere(session);
        }
        if (holder == null) {
            return;
        }
        String message = "thread '" + Thread.currentThread().getName() + "' writes on a second connection"
                + " to " + session.database + " (" + shorten(sql) + ") while its own transaction on another connection holds"
                + " the database's write lock (begun IMMEDIATE by the agent " + heldMillis(holder) + " ms ago with: "
                + shorten(holder.firstStatement) + "); only this thread can end that transaction, so this write could"
                + " only wait out busy_timeout and fail: it fails now instead. A nested transaction (Spring REQUIRES_NEW,"
                + " a second JDBI handle) inside a read-write one: mark the outer transaction read-only if it only reads,"
                + " write after the outer commit, or set transaction_mode=DEFERRED for this database";
        if (once.first("self-wait|" + session.database + "|" + holder.writeLockSince)) {
            log.warn("db={} lock_holder=this_thread: {}", session.database, message);
        }
        // The driver's own words first: apps and frameworks that recognise a lock error by its text still do.
        throw new SQLException("[SQLITE_BUSY] The database file is locked (database is locked): sqlite-pragma-agent: " + message,
                null, SQLITE_BUSY);
    }

    /**
     * A lock error reached the app on {@code waiting}: names the holder of the write lock in this JVM
     * (once per holding transaction), or says that no transaction of this JVM began with it (once per
     * database).
     */
    void lockError(Session waiting) {
        Session holder = holders.get(waiting.database);
        if (holder == waiting) {
            return;
        }
        String thread = Thread.currentThread().getName();
        long since = holder == null ? 0 : holder.writeLockSince;
        if (holder == null || holder.writerThreadId == 0 || Transactions.isClosed(holder.connection())) {
            if (once.first("elsewhere|" + waiting.database)) {
                log.warn("db={} lock_holder=none_in_this_jvm: thread '{}' met \"database is locked\" and no transaction of"
                        + " this JVM begun by the agent holds the write lock: another process holds it (or a DEFERRED"
                        + " transaction of this JVM that has written, or the agent's own checkpoint). Said once per database",
                        waiting.database, thread);
            }
            return;
        }
        synchronized (holder) {
            if (holder.holderReported == since) {
                return;
            }
            holder.holderReported = since;
        }
        long holderId = holder.writerThreadId;
        String first = shorten(holder.firstStatement);
        long held = heldMillis(holder);
        if (holderId == Thread.currentThread().getId()) {
            log.warn("db={} lock_holder=this_thread: thread '{}' met \"database is locked\" on one connection while its own"
                    + " transaction on another connection holds the write lock ({} ms, first statement: {}): it waits for"
                    + " itself. Said once per holding transaction", waiting.database, thread, held, first);
            return;
        }
        Thread holderThread = find(holderId);
        String name = holderName(holderThread, holderId);
        String state = holderThread == null ? "unknown" : String.valueOf(holderThread.getState());
        String frames = framesOf(holderThread);
        log.warn("db={} lock_holder=thread: thread '{}' met \"database is locked\"; the write lock is held by thread '{}'"
                + " for {} ms, in a transaction begun IMMEDIATE whose first statement was: {}; that thread is {} at: {}."
                + " Said once per holding transaction", waiting.database, thread, name, held, first, state, frames);
    }

    /**
     * {@code waiting} (on thread {@code waiter}) has waited {@code waitedMillis} to begin its transaction:
     * names the holder of this JVM, once per holding transaction (a lock error later names it no more).
     */
    void waitedLong(Session waiting, String waiter, long waitedMillis) {
        Session holder = holders.get(waiting.database);
        if (holder == null || holder == waiting || holder.writerThreadId == 0 || Transactions.isClosed(holder.connection())) {
            return;
        }
        long since = holder.writeLockSince;
        synchronized (holder) {
            if (holder.holderReported == since) {
                return;
            }
            holder.holderReported = since;
        }
        Thread holderThread = find(holder.writerThreadId);
        log.warn("db={} lock_holder=thread: thread '{}' has waited {} ms to begin a transaction; the write lock is held by"
                + " thread '{}' for {} ms, in a transaction begun IMMEDIATE whose first statement was: {}; that thread is {}"
                + " at: {}. Said once per holding transaction (lock.wait.report)", waiting.database, waiter, waitedMillis,
                holderName(holderThread, holder.writerThreadId), heldMillis(holder), shorten(holder.firstStatement),
                holderThread == null ? "unknown" : String.valueOf(holderThread.getState()), framesOf(holderThread));
    }

    private static String holderName(Thread thread, long id) {
        return thread == null ? "id " + id + " (gone, or not a platform thread)" : thread.getName();
    }

    private static String framesOf(Thread thread) {
        String frames = thread == null ? "" : AppFrames.of(thread.getStackTrace());
        return frames.isEmpty() ? "(no frame of the app's: inside the driver, a pool or the JDK)" : frames;
    }

    private static long heldMillis(Session holder) {
        return (System.nanoTime() - holder.writeLockSince) / 1000000L;
    }

    /** INSERT, UPDATE, DELETE, REPLACE and DDL: statements that certainly need the write lock. */
    static boolean writes(String sql) {
        if (sql == null) {
            return false;
        }
        switch (Character.toUpperCase(SqlText.firstLetter(sql))) {
            case 'I':
                return SqlText.startsWithWord(sql, "INSERT");
            case 'U':
                return SqlText.startsWithWord(sql, "UPDATE");
            case 'D':
                return SqlText.startsWithWord(sql, "DELETE") || SqlText.startsWithWord(sql, "DROP");
            case 'R':
                return SqlText.startsWithWord(sql, "REPLACE");
            case 'C':
                return SqlText.startsWithWord(sql, "CREATE");
            case 'A':
                return SqlText.startsWithWord(sql, "ALTER");
            default:
                return false;
        }
    }

    /** True for a plain {@code SELECT}: a statement that certainly writes nothing. */
    static boolean plainRead(String sql) {
        return sql != null && Character.toUpperCase(SqlText.firstLetter(sql)) == 'S' && SqlText.startsWithWord(sql, "SELECT");
    }

    /** {@code sql} on one line, cut at {@link #STATEMENT_SHOWN} characters; {@code (unknown)} when null. */
    static String shorten(String sql) {
        if (sql == null) {
            return "(unknown)";
        }
        String line = sql.trim().replaceAll("\\s+", " ");
        return line.length() <= STATEMENT_SHOWN ? line : line.substring(0, STATEMENT_SHOWN) + "...";
    }

    /** The live platform thread with id {@code id}, or null. Walks the thread groups: only when reporting. */
    private static Thread find(long id) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getId() == id) {
                return threads[i];
            }
        }
        return null;
    }
}
