package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Another process holding an exclusive lock on a rollback-journal database until told to let go:
 * it commits once RELEASE_FILE exists (or after a minute), then creates RELEASE_FILE.released.
 *
 * <pre>LockHolderApp URL RELEASE_FILE</pre>
 */
public final class LockHolderApp {

    public static void main(String[] args) throws Exception {
        Path release = Paths.get(args[1]);
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS held(x)");
            statement.executeUpdate("BEGIN EXCLUSIVE");
            statement.executeUpdate("INSERT INTO held VALUES (1)");
            System.out.println("locked=true");
            System.out.flush();
            long giveUp = System.currentTimeMillis() + 60_000;
            while (!Files.exists(release) && System.currentTimeMillis() < giveUp) {
                Thread.sleep(10);
            }
            statement.executeUpdate("COMMIT");
        }
        Files.createFile(released(release));
        System.out.println("released=true");
    }

    /** The file the holder creates once its lock is gone. */
    public static Path released(Path release) {
        return release.resolveSibling(release.getFileName() + ".released");
    }
}
