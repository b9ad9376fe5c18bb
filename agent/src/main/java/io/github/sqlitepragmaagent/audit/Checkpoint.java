package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One checkpoint of a WAL database from the agent's own connection, in the two steps that never make
 * the app wait: {@code PASSIVE} copies what it can without taking the writer's lock or waiting for
 * anyone; only when it copied every frame does {@code TRUNCATE} follow, with a busy timeout of 0, so
 * that it gives up at once instead of holding the writer's lock while it waits for a reader (FULL,
 * RESTART and TRUNCATE block new writers while they wait: sqlite.org/pragma.html#pragma_wal_checkpoint).
 */
final class Checkpoint {

    /** What came of it, as logs and JMX show it. */
    enum Result {
        /** Every frame is in the database file and the {@code -wal} is 0 bytes. */
        TRUNCATED,
        /** Every frame is in the database file, but a reader (or a writer that came back) kept the WAL from being truncated. */
        COPIED,
        /** A reader still reads an older snapshot: some frames could not be copied yet. */
        PINNED,
        /** Another connection was checkpointing at the same moment. */
        BUSY
    }

    final Result result;
    /** Frames in the WAL, and of those copied into the database file, as PASSIVE reported them. */
    final long walFrames;
    final long copiedFrames;

    private Checkpoint(Result result, long walFrames, long copiedFrames) {
        this.result = result;
        this.walFrames = walFrames;
        this.copiedFrames = copiedFrames;
    }

    /** Checkpoints the database of {@code connection}, which must be the agent's own (its busy timeout is set to 0). */
    static Checkpoint run(Connection connection) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            Statements.firstColumn(statement, "PRAGMA busy_timeout=0");
            long[] passive = checkpoint(statement, "PASSIVE");
            if (passive[0] != 0) {
                return new Checkpoint(Result.BUSY, passive[1], passive[2]);
            }
            if (passive[2] < passive[1]) {
                return new Checkpoint(Result.PINNED, passive[1], passive[2]);
            }
            long[] truncate = checkpoint(statement, "TRUNCATE");
            return new Checkpoint(truncate[0] == 0 ? Result.TRUNCATED : Result.COPIED, passive[1], passive[2]);
        } finally {
            Statements.closeQuietly(statement);
        }
    }

    /** {@code PRAGMA wal_checkpoint(MODE)}: busy (0 or 1), frames in the WAL, frames copied (-1 each when not in WAL). */
    private static long[] checkpoint(Statement statement, String mode) throws SQLException {
        ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")");
        try {
            if (!row.next()) {
                return new long[] {0, -1, -1};
            }
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        } finally {
            row.close();
        }
    }
}
