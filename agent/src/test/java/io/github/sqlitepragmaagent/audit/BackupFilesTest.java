package io.github.sqlitepragmaagent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup names sort by time; rotation deletes only this database's oldest verified backups. */
class BackupFilesTest {

    @TempDir
    Path dir;

    @Test
    void namesAreUtcTimestampsThatSortByTime() {
        BackupFiles files = new BackupFiles(dir.toFile(), "/srv/app/app.db");

        File backup = files.named(1_765_000_000_123L);

        assertEquals("app.db.20251206-054640123.backup", backup.getName());
        assertEquals("app.db.20251206-054640123.backup.tmp", BackupFiles.temporary(backup).getName());
        assertEquals("app.db.20251206-054640123.backup.failed", BackupFiles.failed(backup).getName());
    }

    @Test
    void rotationKeepsTheNewestAndLeavesEverythingElseAlone() throws Exception {
        for (String name : new String[] {"app.db.20261206-010000000.backup", "app.db.20261206-020000000.backup",
                "app.db.20261206-030000000.backup", "app.db.20261206-040000000.backup.failed",
                "app.db.20261206-050000000.backup.tmp", "app.db2.20261206-000000000.backup", "other.db.20261206-000000000.backup",
                "app.db"}) {
            Files.createFile(dir.resolve(name));
        }
        BackupFiles files = new BackupFiles(dir.toFile(), "/srv/app/app.db");

        assertEquals(1, files.rotate(2));

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("app.db", "app.db.20261206-020000000.backup", "app.db.20261206-030000000.backup",
                    "app.db.20261206-040000000.backup.failed", "app.db.20261206-050000000.backup.tmp",
                    "app.db2.20261206-000000000.backup", "other.db.20261206-000000000.backup"),
                    left.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void whatAnInterruptedBackupLeftIsDeletedAndNothingElse() throws Exception {
        for (String name : new String[] {"app.db.20261206-010000000.backup.tmp", "app.db.20261206-010000000.backup.tmp-journal",
                "app.db.20261206-020000000.backup", "app.db.20261206-030000000.backup.failed", "other.db.20261206-010000000.backup.tmp"}) {
            Files.createFile(dir.resolve(name));
        }

        assertEquals(2, new BackupFiles(dir.toFile(), "/srv/app/app.db").deleteLeftOvers());

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("app.db.20261206-020000000.backup", "app.db.20261206-030000000.backup.failed",
                    "other.db.20261206-010000000.backup.tmp"),
                    left.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }
}
