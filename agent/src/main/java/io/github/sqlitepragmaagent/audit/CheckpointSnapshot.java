package io.github.sqlitepragmaagent.audit;

import java.util.Locale;

/** The agent's last checkpoint of a database, as JMX shows it. */
final class CheckpointSnapshot {

    final long atMillis;
    /** {@code truncated}, {@code copied}, {@code pinned}, {@code busy}, or {@code failed}. */
    final String result;
    final long walBytesBefore;
    final long tookMillis;

    /** {@code result} null: the checkpoint failed outright. */
    CheckpointSnapshot(long atMillis, Checkpoint.Result result, long walBytesBefore, long tookMillis) {
        this.atMillis = atMillis;
        this.result = result == null ? "failed" : result.name().toLowerCase(Locale.ROOT);
        this.walBytesBefore = walBytesBefore;
        this.tookMillis = tookMillis;
    }
}
