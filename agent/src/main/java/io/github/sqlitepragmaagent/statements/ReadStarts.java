package io.github.sqlitepragmaagent.statements;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few statements one connection ran: which, since when, on which thread. Kept so that a WAL
 * that a reader pins can be blamed on the read that pins it, without capturing anything costly per
 * statement: one small object per run (the weak reference is reused when a statement runs again).
 * Where each one began (its stack) is captured only on a database whose WAL was already found pinned
 * ({@link OpenReads#recordWhereReadsBegin}): the read that pins it next time is then named with the
 * place in the app that opened it, at the cost of a stack per statement on that database only.
 *
 * <p>Written by the hooks inside the driver's lock on the connection (one writer at a time), read by
 * the audit thread.
 */
final class ReadStarts {

    /**
     * Statements remembered per connection. A read that stays open while the same connection runs more
     * than this many other statements (an N+1 loop re-running one prepared statement counts once) is
     * forgotten, and the warning falls back to "another process or an older read".
     */
    static final int SLOTS = 8;

    private final AtomicReferenceArray<Start> slots = new AtomicReferenceArray<Start>(SLOTS);
    private int next;
    /** Whether this connection's database wants to know where reads begin; shared by its connections. */
    private volatile OpenReads.Stacks stacks;

    void stacks(OpenReads.Stacks stacks) {
        this.stacks = stacks;
    }

    void started(Object statement, String sql) {
        long now = System.nanoTime();
        long thread = Thread.currentThread().getId();
        OpenReads.Stacks wanted = stacks;
        Throwable where = wanted != null && wanted.recorded ? new Throwable("read began") : null;
        for (int i = 0; i < SLOTS; i++) {
            Start start = slots.get(i);
            if (start != null && start.statement.get() == statement) {
                slots.lazySet(i, new Start(start.statement, sql, now, thread, where));
                return;
            }
        }
        slots.lazySet(next, new Start(new WeakReference<Object>(statement), sql, now, thread, where));
        next = (next + 1) % SLOTS;
    }

    Start get(int slot) {
        return slots.get(slot);
    }

    /** One statement's latest run. */
    static final class Start {
        final WeakReference<Object> statement;
        final String sql;
        final long startedNanos;
        final long threadId;
        /** Where it began, on a database that records it; else null. */
        final Throwable where;

        Start(WeakReference<Object> statement, String sql, long startedNanos, long threadId, Throwable where) {
            this.statement = statement;
            this.sql = sql;
            this.startedNanos = startedNanos;
            this.threadId = threadId;
            this.where = where;
        }
    }
}
