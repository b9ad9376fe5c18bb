package io.github.sqlitepragmaagent.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyReadersTest {

    @TempDir
    Path dir;

    private String lockedOut(String fileMode, String directoryMode) throws IOException {
        // A temporary directory is private (700): the readers must be able to pass through it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path directory = Files.createDirectories(dir.resolve(fileMode + "-in-" + directoryMode));
        Path file = Files.write(directory.resolve("app.db"), new byte[4096]); // an existing database
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(fileMode));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(directoryMode));
        return ReadOnlyReaders.lockedOutByWal(file.toFile());
    }

    @Test
    void aWorldReadableFileInADirectoryOnlyItsOwnerWritesLocksOutGroupAndOthers() throws IOException {
        assertEquals("group and others", lockedOut("rw-r--r--", "rwxr-xr-x"));
    }

    @Test
    void aGroupThatMayWriteTheDirectoryIsNotLockedOut() throws IOException {
        assertEquals("others", lockedOut("rw-r--r--", "rwxrwxr-x"));
        assertEquals("group", lockedOut("rw-r-----", "rwxr-x---"));
    }

    @Test
    void nobodyIsLockedOutBehindAPrivateParentDirectory() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("private/data"));
        Path file = Files.write(directory.resolve("app.db"), new byte[4096]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("private"), PosixFilePermissions.fromString("rwx------"));
        assertNull(ReadOnlyReaders.lockedOutByWal(file.toFile()));
    }

    @Test
    void nobodyIsLockedOutOfAPrivateFileOrADirectoryTheyCannotEnter() throws IOException {
        assertNull(lockedOut("rw-------", "rwxr-xr-x"));
        assertNull(lockedOut("rw-r--r--", "rwx------"));
        assertNull(lockedOut("rw-r--r--", "rwxrwxrwx"));
    }

    @Test
    void aDatabaseBeingCreatedLocksNobodyOut() throws IOException {
        // The file SQLite made at the first connection's open, in a directory others may read (umask 022).
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.createFile(dir.resolve("new.db"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(ReadOnlyReaders.lockedOutByWal(file.toFile()));
    }
}
