package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another process writing to a database the app uses: BEGIN IMMEDIATE, one insert, COMMIT, and what
 * happened ({@code other.result=committed}, {@code locked}, or the driver's message).
 *
 * <pre>OtherWriterApp URL</pre>
 */
public final class OtherWriterApp {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement()) {
            try {
                statement.executeUpdate("BEGIN IMMEDIATE");
                statement.executeUpdate("INSERT INTO t(src, n) VALUES ('other', 1)");
                statement.executeUpdate("COMMIT");
                System.out.println("other.result=committed");
            } catch (SQLException e) {
                // SQLITE_BUSY (5): the app's lock kept this process out.
                System.out.println("other.result=" + (e.getErrorCode() == 5 ? "locked" : e.getMessage().replace(' ', '_')));
            }
        }
    }
}
