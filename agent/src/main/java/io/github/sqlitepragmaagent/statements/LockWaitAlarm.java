package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.audit.AgentThreads;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Names the holder of the write lock when a begin has waited {@code lock.wait.report} for it: the waiting
 * thread itself sits in SQLite's busy handler and cannot speak, so a timer does. Armed only for a begin that
 * takes the write lock while a transaction of this JVM holds it; its daemon thread exists only while such a
 * begin is being timed.
 */
final class LockWaitAlarm {

    private final WriteLockHolders holders;
    private final long millis;
    private volatile ScheduledThreadPoolExecutor timer;

    LockWaitAlarm(WriteLockHolders holders, long millis) {
        this.holders = holders;
        this.millis = millis;
    }

    /** One begin being timed; {@link #close()} it when the begin returned. */
    final class Timing {
        private final ScheduledFuture<?> alarm;

        Timing(final Session waiting) {
            final String waiter = Thread.currentThread().getName();
            alarm = timer().schedule(new Runnable() {
                @Override
                public void run() {
                    try {
                        holders.waitedLong(waiting, waiter, millis);
                    } catch (RuntimeException ignored) {
                        // a report that fails must not stop the timer: the next waiter is reported by its lock error
                    }
                }
            }, millis, TimeUnit.MILLISECONDS);
        }

        void close() {
            alarm.cancel(false);
        }
    }

    Timing start(Session waiting) {
        return new Timing(waiting);
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
                    created.setRemoveOnCancelPolicy(true);
                    timer = created;
                }
                current = timer;
            }
        }
        return current;
    }
}
