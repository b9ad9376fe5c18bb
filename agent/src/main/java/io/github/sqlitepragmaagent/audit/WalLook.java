package io.github.sqlitepragmaagent.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What {@code stat} says about a database's {@code -wal} file at one moment: its size, modification
 * time and file key. Two equal looks some time apart mean nobody wrote to the WAL in between, which
 * is how the idle checkpoint knows the app has gone quiet without opening the file (a descriptor of
 * our own would release the app's POSIX locks when closed) and without counting statements (a second
 * process writing the same database would not be counted).
 */
final class WalLook {

    /** The look of a {@code -wal} that does not exist: nothing to checkpoint. */
    static final WalLook NONE = new WalLook(0, 0, null);

    final long bytes;
    private final long modifiedNanos;
    private final Object fileKey;

    private WalLook(long bytes, long modifiedNanos, Object fileKey) {
        this.bytes = bytes;
        this.modifiedNanos = modifiedNanos;
        this.fileKey = fileKey;
    }

    /** The {@code -wal} of the database at {@code databasePath}, or {@link #NONE} when there is none. */
    static WalLook of(String databasePath) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(Paths.get(databasePath + "-wal"), BasicFileAttributes.class);
            return new WalLook(attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), attributes.fileKey());
        } catch (IOException | RuntimeException e) {
            return NONE; // no -wal (NoSuchFileException), or none we may look at: nothing to checkpoint either way
        }
    }

    /** True when the WAL holds anything a checkpoint could move (a reset or truncated WAL is 0 bytes). */
    boolean holdsFrames() {
        return bytes > 0;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof WalLook)) {
            return false;
        }
        WalLook that = (WalLook) other;
        return bytes == that.bytes && modifiedNanos == that.modifiedNanos
                && (fileKey == null ? that.fileKey == null : fileKey.equals(that.fileKey));
    }

    @Override
    public int hashCode() {
        return (int) (bytes ^ modifiedNanos);
    }
}
