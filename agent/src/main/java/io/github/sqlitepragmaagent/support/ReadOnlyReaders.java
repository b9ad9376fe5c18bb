package io.github.sqlitepragmaagent.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Who could read a database file without being able to write its directory, from the mode bits
 * {@code stat} gives (nothing is opened). In WAL mode such readers lose access: reading a WAL database
 * needs its {@code -shm}, which they cannot create there once no writer has the database open
 * ("attempt to write a readonly database", {@code SQLITE_READONLY_DIRECTORY}); with a rollback journal
 * they could read it. Measured on the issue: 8 of 8 read-only ways of reading worked without the
 * agent, 0 of 8 after the app ran under it.
 *
 * <p>The directories above must let them through too (search permission on each): a private parent
 * (a {@code 700} home or temporary directory) keeps such readers out altogether, and then WAL takes
 * nothing from them. Group membership is not looked up: the group's bits are taken to concern someone.
 */
public final class ReadOnlyReaders {

    private ReadOnlyReaders() {}

    /**
     * {@code group}, {@code others}, {@code group and others}, or null when nobody but the owner
     * could read the file through its directory without also being able to write that directory (or
     * the filesystem has no POSIX mode bits).
     */
    public static String lockedOutByWal(File database) {
        Path file = database.toPath().toAbsolutePath();
        Path directory = file.getParent();
        if (directory == null) {
            return null;
        }
        try {
            if (Files.size(file) == 0) {
                // SQLite creates the file at the connection's open, before the tuner runs, with the
                // process's umask (often 644): an empty file is a database being created, with nobody
                // reading it yet, and it gets WAL like any new database.
                return null;
            }
            Set<PosixFilePermission> fileBits = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> directoryBits = Files.getPosixFilePermissions(directory);
            boolean othersPass = ancestorsSearchable(directory.getParent(), false);
            boolean groupPass = othersPass || ancestorsSearchable(directory.getParent(), true);
            boolean group = groupPass && lockedOut(fileBits, directoryBits, PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE);
            boolean others = othersPass && lockedOut(fileBits, directoryBits, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE);
            return group && others ? "group and others" : group ? "group" : others ? "others" : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // no mode bits to go by (Windows, some network filesystems): nothing to say
        }
    }

    /** True when every directory from {@code directory} up to the root lets the group (or others) search it. */
    private static boolean ancestorsSearchable(Path directory, boolean group) throws IOException {
        for (Path at = directory; at != null; at = at.getParent()) {
            Set<PosixFilePermission> bits = Files.getPosixFilePermissions(at);
            if (!bits.contains(PosixFilePermission.OTHERS_EXECUTE)
                    && !(group && bits.contains(PosixFilePermission.GROUP_EXECUTE))) {
                return false;
            }
        }
        return true;
    }

    /** Can read the file (and reach it through the directory) but cannot create a file beside it. */
    private static boolean lockedOut(Set<PosixFilePermission> fileBits, Set<PosixFilePermission> directoryBits,
            PosixFilePermission read, PosixFilePermission search, PosixFilePermission write) {
        return fileBits.contains(read) && directoryBits.contains(search) && !directoryBits.contains(write);
    }
}
