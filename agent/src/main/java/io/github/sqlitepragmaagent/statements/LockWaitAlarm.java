package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.audit.AgentThreads;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Names the holder of the write lock when a begin has waited {@code lock.wait.report} for it: the waiting
 * thread itself sits in SQLite's busy handler and cannot speak, so a timer does.
 *
 * <p>A begin that takes the write lock while a transaction of this JVM holds it is entered here (a map put
 * and a {@code nanoTime}) and removed when it returns: no timer is armed per begin, which would wake the
 * timer thread twice per transaction under contention. One scan runs every half period while any begin
 * waits and stops when none does; its daemon thread ends after a few idle seconds.
 */
final class LockWaitAlarm {

    private final WriteLockHolders holders;
    private final long millis;
    private final long periodMillis;
    /** The begins waiting now (sessions compare by identity), with their thread's name and start. */
    private final ConcurrentMap<Session, Waiter> waiting = new ConcurrentHashMap<Session, Waiter>();
    private final AtomicBoolean scanning = new AtomicBoolean();
    private volatile ScheduledThreadPoolExecutor timer;

    private static final class Waiter {
        final String thread;
        final long since;

        Waiter(String thread, long since) {
            this.thread = thread;
            this.since = since;
        }
    }

    LockWaitAlarm(WriteLockHolders holders, long millis) {
        this.holders = holders;
        this.millis = millis;
        this.periodMillis = Math.max(10, millis / 2);
    }

    /** {@code session}'s begin, on this thread, may now wait for a holder of this JVM. */
    void waits(Session session) {
        waiting.put(session, new Waiter(Thread.currentThread().getName(), System.nanoTime()));
        if (scanning.compareAndSet(false, true)) {
            schedule();
        }
    }

    /** {@code session}'s begin returned (or failed). */
    void done(Session session) {
        waiting.remove(session);
    }

    private void scan() {
        try {
            long now = System.nanoTime();
            for (Map.Entry<Session, Waiter> entry : waiting.entrySet()) {
                long waited = (now - entry.getValue().since) / 1000000L;
                if (waited >= millis) {
                    holders.waitedLong(entry.getKey(), entry.getValue().thread, waited);
                }
            }
        } catch (RuntimeException ignored) {
            // a report that fails must not stop the scans: the waiter's lock error still names the holder
        }
        if (!waiting.isEmpty()) {
            schedule();
            return;
        }
        scanning.set(false);
        // A begin that arrived between the emptiness check and the flag found the scan still running.
        if (!waiting.isEmpty() && scanning.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        timer().schedule(new Runnable() {
            @Override
            public void run() {
                scan();
            }
        }, periodMillis, TimeUnit.MILLISECONDS);
    }

    private ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor current = timer;
        if (current == null) {
            synchronized (this) {
                if (timer == null) {
                    ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1,
                            new AgentThreads("sqlite-pragma-agent-lock-wait", Thread.NORM_PRIORITY));
                    created.setKeepAliveTime(5, TimeUnit.SECONDS);
                    created.allowCoreThreadTimeOut(true);
                    timer = created;
                }
                current = timer;
            }
        }
        return current;
    }
}
