package io.github.sqlitepragmaagent.audit;

/**
 * An SQLite library version, and whether it has the WAL-reset bug: from 3.7.0 through 3.51.2 two
 * connections that write and checkpoint at the same instant can corrupt a WAL database; fixed in
 * 3.51.3 and backported to 3.50.7 and 3.44.6 (see https://sqlite.org/wal.html).
 */
final class SqliteVersion {

    private final int major;
    private final int minor;
    private final int patch;

    private SqliteVersion(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** Parses {@code 3.51.2}; null when the text is not a version. */
    static SqliteVersion parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return new SqliteVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean hasWalResetBug() {
        if (major != 3 || minor < 7 || compareTo(3, 51, 2) > 0) {
            return false;
        }
        boolean backported = (minor == 50 && patch >= 7) || (minor == 44 && patch >= 6);
        return !backported;
    }

    private int compareTo(int otherMajor, int otherMinor, int otherPatch) {
        if (major != otherMajor) {
            return Integer.compare(major, otherMajor);
        }
        if (minor != otherMinor) {
            return Integer.compare(minor, otherMinor);
        }
        return Integer.compare(patch, otherPatch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
