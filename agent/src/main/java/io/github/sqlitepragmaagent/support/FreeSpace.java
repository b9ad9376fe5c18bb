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
        File directory = new File(path).getAbsoluteFile().getParentFile();
        if (directory == null) {
            return -1;
        }
        long free = directory.getUsableSpace();
        // 0 is also what a directory that is gone answers: that says nothing about space.
        return free < limit && (free > 0 || directory.isDirectory()) ? free : -1;
    }
}
