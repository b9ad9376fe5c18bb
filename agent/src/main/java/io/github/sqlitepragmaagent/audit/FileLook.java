package io.github.sqlitepragmaagent.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What {@code stat} says about a database's file or its {@code -wal} at one moment: its size,
 * modification time and file key. Two equal looks some time apart mean nobody wrote to the file in
 * between, which is how the idle checkpoint and the first audit's quiet moment know the app has gone
 * quiet without opening the file (a descriptor of our own would release the app's POSIX locks when
 * closed) and without counting statements (a second process writing the same database would not be
 * counted).
 */
final class FileLook {

    /** The look of a file that does not exist (a {@code -wal}: nothing to checkpoint). */
    static final FileLook NONE = new FileLook(0, 0, null);

    final long bytes;
    private final long modifiedNanos;
    private final Object fileKey;

    private FileLook(long bytes, long modifiedNanos, Object fileKey) {
        this.bytes = bytes;
        this.modifiedNanos = modifiedNanos;
        this.fileKey = fileKey;
    }

    /** The {@code -wal} of the database at {@code databasePath}, or {@link #NONE} when there is none. */
    static FileLook ofWal(String databasePath) {
        return of(databasePath + "-wal");
    }

    /** The file at {@code path}, or {@link #NONE} when there is none. */
    static FileLook of(String path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(Paths.get(path), BasicFileAttributes.class);
            return new FileLook(attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), attributes.fileKey());
        } catch (IOException | RuntimeException e) {
            return NONE; // not there (no -wal: nothing to checkpoint), or not ours to look at: either way, no change seen
        }
    }

    /** True when the WAL holds anything a checkpoint could move (a reset or truncated WAL is 0 bytes). */
    boolean holdsFrames() {
        return bytes > 0;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FileLook)) {
            return false;
        }
        FileLook that = (FileLook) other;
        return bytes == that.bytes && modifiedNanos == that.modifiedNanos
                && (fileKey == null ? that.fileKey == null : fileKey.equals(that.fileKey));
    }

    @Override
    public int hashCode() {
        return (int) (bytes ^ modifiedNanos);
    }
}
