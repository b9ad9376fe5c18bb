package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * An app with several databases: reports each connection under {@code db1}, {@code db2}, ... and
 * keeps them open for WAIT_MS so that audits can run.
 *
 * <pre>MultiApp WAIT_MS URL...</pre>
 */
public final class MultiApp {

    public static void main(String[] args) throws Exception {
        Connection[] connections = new Connection[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            connections[i - 1] = DriverManager.getConnection(args[i]);
            Report.print("db" + i, connections[i - 1]);
        }
        Thread.sleep(Long.parseLong(args[0]));
        for (Connection connection : connections) {
            connection.close();
        }
        System.out.println("app.done=true");
    }
}
