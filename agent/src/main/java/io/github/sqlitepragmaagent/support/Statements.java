package io.github.sqlitepragmaagent.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the agent does with statements on a connection: run one, read one value, close quietly. */
public final class Statements {

    private Statements() {}

    /** Runs {@code sql}, which returns no rows (a PRAGMA that sets something), on a statement of its own. */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, or null when there is no row. */
    public static String firstColumn(Statement statement, String sql) throws SQLException {
        ResultSet result = statement.executeQuery(sql);
        try {
            return result.next() ? result.getString(1) : null;
        } finally {
            result.close();
        }
    }

    /** Closes {@code statement} (null allowed); a pragma or check statement has nothing to lose on close. */
    public static void closeQuietly(Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // nothing the app cares about is lost when a statement of the agent's fails to close
            }
        }
    }
}
