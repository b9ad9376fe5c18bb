package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that others may read (file {@code 644}) in a directory they cannot write ({@code 755}):
 * in WAL they could no longer read it whenever the app is not running (its {@code -shm} cannot be
 * created there). By default ({@code wal.readonly.readers=keep}) the agent leaves its journal mode as
 * it is, as without the agent, and says why in the tuned line and a warning naming the key;
 * {@code switch} switches to WAL (and the first audit warns, as it did before the key).
 */
class ReadOnlyReadersTest {

    @TempDir
    Path dir;

    private Path sharedDatabase(String name) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // readers reach it
        Path shared = Files.createDirectories(dir.resolve(name));
        Path db = shared.resolve("report.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY)");
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        return db;
    }

    @Test
    void byDefaultTheJournalModeIsKeptAndTheTunedLineAndAWarningSayWhy() throws Exception {
        Path plainDb = sharedDatabase("plain");
        AppResult without = AppJvm.withoutAgent().run(OpenApp.class, "--url", "jdbc:sqlite:" + plainDb,
                "--sql", "INSERT INTO rows VALUES (1)");
        assertEquals(0, without.exitStatus(), without::toString);
        assertEquals("delete", without.get("app.journal_mode"), without::toString);

        Path db = sharedDatabase("agent");
        AppResult with = AppJvm.withAgent().run(OpenApp.class, "--url", "jdbc:sqlite:" + db,
                "--sql", "INSERT INTO rows VALUES (1)");
        assertEquals(0, with.exitStatus(), with::toString);
        assertEquals(without.get("app.journal_mode"), with.get("app.journal_mode"), with::toString);
        assertEquals(1, with.agentLinesContaining("tuned db=" + db).size(), with::toString);
        assertTrue(with.agentLinesContaining("tuned db=" + db).get(0).contains(
                "skipped_journal_mode=\"readable by group and others who cannot write its directory, wal.readonly.readers=keep\""),
                with::toString);
        assertEquals(1, with.agentLinesContaining("keeps its journal mode (wal.readonly.readers=keep)").size(), with::toString);
        assertEquals(0, Files.exists(Path.of(db + "-wal")) ? 1 : 0, "no WAL was made");
    }

    @Test
    void switchSwitchesToWalAsBefore() throws Exception {
        Path db = sharedDatabase("switch");
        AppResult with = AppJvm.withAgent().agentArguments("wal.readonly.readers=switch")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + db, "--sql", "INSERT INTO rows VALUES (1)");
        assertEquals(0, with.exitStatus(), with::toString);
        assertEquals("wal", with.get("app.journal_mode"), with::toString);
        assertEquals(0, with.agentLinesContaining("keeps its journal mode").size(), with::toString);
    }

    @Test
    void aDatabaseTheAppCreatesInADirectoryOthersMayReadGetsWal() throws Exception {
        // umask 022: SQLite creates the file 644 at the open, before the agent tunes the connection.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(dir.resolve("new"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = shared.resolve("created.db");
        AppResult with = AppJvm.withAgent().run(OpenApp.class, "--url", "jdbc:sqlite:" + db,
                "--sql", "CREATE TABLE rows(n INTEGER PRIMARY KEY)");
        assertEquals(0, with.exitStatus(), with::toString);
        assertEquals("wal", with.get("app.journal_mode"), with::toString);
        assertEquals(0, with.agentLinesContaining("keeps its journal mode").size(), with::toString);
    }
}
