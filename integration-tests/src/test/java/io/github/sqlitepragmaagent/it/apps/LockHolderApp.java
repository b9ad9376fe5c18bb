package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Another process holding an exclusive lock on a rollback-journal database for a while.
 *
 * <pre>LockHolderApp URL MILLISECONDS</pre>
 */
public final class LockHolderApp {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS held(x)");
            statement.executeUpdate("BEGIN EXCLUSIVE");
            statement.executeUpdate("INSERT INTO held VALUES (1)");
            System.out.println("locked=true");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
            statement.executeUpdate("COMMIT");
        }
        System.out.println("released=true");
    }
}
