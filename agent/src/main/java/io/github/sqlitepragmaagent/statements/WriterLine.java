package io.github.sqlitepragmaagent.statements;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One database file's line of writers in this JVM: the connection whose turn it is, and the others
 * waiting for theirs in the order they came. A turn belongs to a connection (its {@link Session}), not
 * to a thread, and is handed straight to the next in line when it is given back: nobody barges in, and
 * nobody sleeps a busy-handler step after the lock is free.
 *
 * <p>The line never decides whether a write may happen, only when a begin is tried: a wait here ends
 * at the caller's bound, after which the begin goes to SQLite exactly as without the line. A turn whose
 * connection was closed or dropped, or whose transaction ended by a path the agent did not see, is
 * taken back by the first in line, which looks every {@link #LOOK_NANOS} while it waits.
 */
final class WriterLine {

    /** How often the first in line looks whether the turn's owner still holds it for real. */
    static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<Waiter>();
    /** The session whose turn it is; null when nobody's. */
    private Session owner;
    /** The thread that took the turn for {@link #owner}: a thread never waits for a turn it holds itself. */
    private long ownerThreadId;
    /** True from the grant until the owner's begin returned: its transaction is not open yet, and that is fine. */
    private boolean ownerBeginning;
    /**
     * The owner for whom a waiter already waited out its whole bound: until it gives the turn back, later
     * arrivals go straight to SQLite, so a holder that never ends costs each of them one busy timeout, not two.
     */
    private Session stalled;

    private static final class Waiter {
        final Session session;
        final long threadId = Thread.currentThread().getId();
        final Condition turn;

        Waiter(Session session, Condition turn) {
            this.session = session;
            this.turn = turn;
        }
    }

    /**
     * Takes the turn for {@code session}, waiting at most {@code timeoutNanos} behind the connections that
     * came first. Returns true when it is {@code session}'s turn, false when the caller goes on without one:
     * the wait ran out, the turn is held by this very thread on another connection (waiting for it would
     * wait for itself), or the line's owner is stuck. Never interrupted: SQLite's busy wait is not either;
     * an interrupt that arrives is kept for the app.
     */
    boolean take(Session session, long timeoutNanos) {
        long threadId = Thread.currentThread().getId();
        lock.lock();
        try {
            if (owner == session) {
                return true;
            }
            if (owner != null && gone(owner)) {
                passOn();
            }
            if (owner == null && waiters.isEmpty()) {
                grant(session, threadId);
                return true;
            }
            if (timeoutNanos <= 0 || ownerThreadId == threadId || owner == stalled && owner != null) {
                return false;
            }
            return await(new Waiter(session, lock.newCondition()), timeoutNanos);
        } finally {
            lock.unlock();
        }
    }

    /** {@code session}'s begin returned, with or without a transaction: from now on its transaction says whether it holds the turn. */
    void began(Session session) {
        lock.lock();
        try {
            if (owner == session) {
                ownerBeginning = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code session} gives its turn back (its transaction ended, or never began); nothing when it holds none. */
    void release(Session session) {
        lock.lock();
        try {
            if (owner == session) {
                passOn();
            }
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code session} holds the turn (for tests and reports). */
    boolean holds(Session session) {
        lock.lock();
        try {
            return owner == session;
        } finally {
            lock.unlock();
        }
    }

    /** The connections waiting now. */
    int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean await(Waiter waiter, long timeoutNanos) {
        waiters.addLast(waiter);
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        try {
            while (owner != waiter.session) {
                if (waiters.peekFirst() == waiter && owner != null && gone(owner)) {
                    passOn();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stalled = owner;
                    return false;
                }
                try {
                    waiter.turn.awaitNanos(waiters.peekFirst() == waiter ? Math.min(left, LOOK_NANOS) : left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            waiters.remove(waiter);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (owner == null && !waiters.isEmpty()) {
                passOn();
            } else if (waiters.peekFirst() != null && owner != waiter.session) {
                // The new first in line must look at the owner in its place.
                waiters.peekFirst().turn.signal();
            }
        }
    }

    /** Hands the turn to the first in line, or to nobody. Called with the lock held. */
    private void passOn() {
        owner = null;
        ownerThreadId = 0;
        ownerBeginning = false;
        stalled = null;
        Waiter next = waiters.peekFirst();
        if (next != null) {
            grant(next.session, next.threadId);
            next.turn.signal();
        }
    }

    private void grant(Session session, long threadId) {
        owner = session;
        ownerThreadId = threadId;
        ownerBeginning = true;
    }

    /**
     * True when {@code owner} no longer holds the turn for real: its connection was closed or dropped (SQLite
     * rolled its transaction back), or its begin returned and it is in no transaction the agent knows of.
     */
    private boolean gone(Session owner) {
        return Transactions.isClosed(owner.connection()) || !ownerBeginning && !owner.inTransaction;
    }
}
