package io.github.sqlitepragmaagent.audit;

import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Interrupts a check that runs too long ({@code Statement.cancel()} is {@code sqlite3_interrupt},
 * safe from another thread). Its thread exists only while a check is being timed, and is a daemon.
 */
final class Watchdog {

    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, new AgentThreads("sqlite-pragma-agent-audit-watchdog", Thread.NORM_PRIORITY));
        timer.setKeepAliveTime(5, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    /** A running timer on one statement; {@link #close()} it when the statement is done. */
    final class Timing implements AutoCloseable {
        private final ScheduledFuture<?> alarm;
        private final AtomicBoolean fired = new AtomicBoolean();

        Timing(final Statement statement, long millis) {
            alarm = timer.schedule(new Runnable() {
                @Override
                public void run() {
                    fired.set(true);
                    try {
                        statement.cancel();
                    } catch (Exception ignored) {
                        // the statement finished or closed meanwhile: nothing left to interrupt
                    }
                }
            }, millis, TimeUnit.MILLISECONDS);
        }

        /** True when the statement was interrupted because its time ran out. */
        boolean timedOut() {
            return fired.get();
        }

        @Override
        public void close() {
            alarm.cancel(false);
        }
    }

    Timing time(Statement statement, long millis) {
        return new Timing(statement, millis);
    }
}
