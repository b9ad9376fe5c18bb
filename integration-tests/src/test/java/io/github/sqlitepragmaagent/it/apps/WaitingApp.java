package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A running app for {@code attach}: opens a connection and keeps it, waits until the test creates
 * TRIGGER, then opens another connection and reports both.
 *
 * <pre>WaitingApp URL TRIGGER</pre>
 */
public final class WaitingApp {

    public static void main(String[] args) throws Exception {
        Path trigger = Path.of(args[1]);
        try (Connection before = DriverManager.getConnection(args[0])) {
            Report.print("before", before);
            System.out.println("app.waiting=true");
            System.out.flush();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(trigger) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Report.print("still_open", before);
            try (Connection after = DriverManager.getConnection(args[0])) {
                Report.print("after", after);
            }
        }
        Report.jvm();
        System.out.println("app.done=true");
    }
}
