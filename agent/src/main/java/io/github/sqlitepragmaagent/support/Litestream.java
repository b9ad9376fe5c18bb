package io.github.sqlitepragmaagent.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether Litestream replicates a database: it creates {@code _litestream_seq} and {@code _litestream_lock}
 * in each one. Litestream needs WAL and owns the checkpoints (a checkpoint by anyone else makes it start a
 * new generation, litestream #547), so the agent neither checkpoints such a database nor takes it out of WAL.
 */
public final class Litestream {

    private static final String TABLES =
            "SELECT name FROM sqlite_master WHERE name IN ('_litestream_seq', '_litestream_lock') LIMIT 1";

    private Litestream() {}

    /** The name of a Litestream table in {@code connection}'s database, or null. */
    public static String table(Connection connection) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            return Statements.firstColumn(statement, TABLES);
        } finally {
            Statements.closeQuietly(statement);
        }
    }
}
