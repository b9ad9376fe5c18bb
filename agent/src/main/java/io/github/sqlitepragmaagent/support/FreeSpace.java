package io.github.sqlitepragmaagent.support;

import java.io.File;

/** How much room is left on the filesystem of a database file ({@code statvfs}: microseconds, no file opened). */
public final class FreeSpace {

    private FreeSpace() {}

    /**
     * The bytes free for this user on the filesystem of {@code path}'s directory when fewer than {@code limit};
     * -1 when there are more, when {@code limit} is 0 (off), or when the directory cannot be looked at.
     */
    public static long below(String path, long limit) {
        if (limit <= 0) {
            return -1;
        }
        File directory = directoryOf(path);
        long free = directory.getUsableSpace();
        return isBelow(free, limit, directory) ? free : -1;
    }

    /** The directory whose filesystem holds {@code path}. */
    public static File directoryOf(String path) {
        File parent = new File(path).getAbsoluteFile().getParentFile();
        return parent != null ? parent : new File(".");
    }

    /** True when {@code free}, what {@code directory}'s filesystem answered, is less than {@code limit}. */
    public static boolean isBelow(long free, long limit, File directory) {
        // 0 is also what a directory that is gone answers: that says nothing about space.
        return free < limit && (free > 0 || directory.isDirectory());
    }
}
