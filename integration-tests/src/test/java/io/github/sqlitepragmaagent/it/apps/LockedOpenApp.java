package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Opens a connection to a database that a {@link LockHolderApp} holds locked and says how long the
 * open took (after a warm-up open), lets the holder go, waits until it has, and reports a later
 * connection.
 *
 * <pre>LockedOpenApp URL RELEASE_FILE</pre>
 */
public final class LockedOpenApp {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path release = Paths.get(args[1]);
        // Loading the driver, its native library and the agent's hook cost the first open of a JVM
        // the same with or without a lock: pay them on a memory database, so the timed open is the lock's.
        DriverManager.getConnection("jdbc:sqlite::memory:").close();
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url)) {
            System.out.println("locked.open_ms=" + (System.nanoTime() - started) / 1_000_000);
            System.out.println("locked.busy_timeout=" + ((org.sqlite.SQLiteConnection) connection).getBusyTimeout());
        }
        Files.createFile(release);
        long giveUp = System.currentTimeMillis() + 60_000;
        while (!Files.exists(LockHolderApp.released(release)) && System.currentTimeMillis() < giveUp) {
            Thread.sleep(10);
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            Report.print("later", connection);
        }
        Report.jvm();
        System.out.println("app.done=true");
    }
}
