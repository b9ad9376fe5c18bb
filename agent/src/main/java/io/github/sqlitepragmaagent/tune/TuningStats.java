package io.github.sqlitepragmaagent.tune;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the tuner did since the agent started, for the log and for JMX. */
public final class TuningStats {

    private final AtomicLong connectionsTuned = new AtomicLong();
    private final AtomicLong pragmaFailures = new AtomicLong();

    void connectionTuned() {
        connectionsTuned.incrementAndGet();
    }

    void pragmaFailed() {
        pragmaFailures.incrementAndGet();
    }

    /** Connections the agent has seen and tuned (fully or in part). */
    public long connectionsTuned() {
        return connectionsTuned.get();
    }

    /** Pragmas that could not be applied, counted every time (the log says each reason once). */
    public long pragmaFailures() {
        return pragmaFailures.get();
    }
}
