package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.it.apps.ManyDatabasesApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audits and {@code check} leave no file beside a database that its own connections would not leave. */
class AuditFilesTest {

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void auditingFiftyDatabasesLeavesNoWalOrShmFileBehind() throws Exception {
        // The app closes each database before its first audit (audit.delay, 1 s by default), so each audit
        // connection is the last to close its database.
        AppResult result = AppJvm.withAgent().run(ManyDatabasesApp.class, dir.toString(), "50");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("true", result.get("app.all_audited"), result::toString);
        List<String> files = files();
        assertEquals(50, files.size(), "50 databases, nothing else: " + files);
        assertEquals(List.of(), files.stream().filter(name -> !name.endsWith(".db")).toList());
    }

    @Test
    void checkLeavesNoWalOrShmFileBesideAWalDatabase() throws Exception {
        Path db = Databases.create(dir.resolve("wal.db"), "wal");
        assertEquals(List.of("wal.db"), files());

        AppResult result = AppJvm.cli("check", db.toString());

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(List.of("wal.db"), files(), result::toString);
    }

    @Test
    void checkCreatesNothingBesideARollbackJournalDatabase() throws Exception {
        Path db = Databases.create(dir.resolve("delete.db"), "delete");

        AppJvm.cli("check", db.toString());

        assertEquals(List.of("delete.db"), files());
    }
}
