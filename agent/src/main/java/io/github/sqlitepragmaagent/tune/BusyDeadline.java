package io.github.sqlitepragmaagent.tune;

import java.util.concurrent.TimeUnit;

/**
 * The time the tuning step of one connection may spend waiting for other connections' locks: one
 * busy timeout (the one the connection is tuned to), counted from the start of the step.
 */
final class BusyDeadline {

    private final int budgetMillis;
    private final long deadlineNanos;

    BusyDeadline(int budgetMillis, long startedNanos) {
        this.budgetMillis = budgetMillis;
        this.deadlineNanos = startedNanos + TimeUnit.MILLISECONDS.toNanos(Math.max(0, budgetMillis));
    }

    /** The whole budget: the connection's busy timeout in milliseconds. */
    int budgetMillis() {
        return budgetMillis;
    }

    /** Milliseconds left, never negative. */
    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    boolean expired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }
}
