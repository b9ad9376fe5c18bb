package io.github.sqlitepragmaagent.audit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * The names of one database's backups in its {@code backup.dir}: {@code app.db.20261206-045500123.backup}
 * (UTC, so names sort by time), written first as {@code ....backup.tmp} and kept aside as
 * {@code ....backup.failed} when the check refuses it. Only names of the first kind are ever rotated.
 */
final class BackupFiles {

    static final String SUFFIX = ".backup";
    static final String TEMPORARY = ".tmp";
    static final String FAILED = ".failed";

    final File dir;
    private final String base;
    private final Pattern kept;
    private final Pattern leftOver;

    BackupFiles(File dir, String databasePath) {
        this.dir = dir;
        this.base = new File(databasePath).getName();
        this.kept = Pattern.compile(Pattern.quote(base) + "\\.\\d{8}-\\d{9}" + Pattern.quote(SUFFIX));
        this.leftOver = Pattern.compile(Pattern.quote(base) + "\\.\\d{8}-\\d{9}" + Pattern.quote(SUFFIX + TEMPORARY)
                + "(-journal|-wal|-shm)?");
    }

    /**
     * Deletes what a backup of this database interrupted by the JVM's end left (its {@code .tmp} copy and
     * the copy's journal): only one backup of a database runs at a time, so none of them is in use.
     */
    int deleteLeftOvers() throws IOException {
        String[] names = dir.list();
        int deleted = 0;
        for (String name : names == null ? new String[0] : names) {
            if (leftOver.matcher(name).matches() && Files.deleteIfExists(new File(dir, name).toPath())) {
                deleted++;
            }
        }
        return deleted;
    }

    /** The final name of a backup started at {@code millis}. */
    File named(long millis) {
        SimpleDateFormat stamp = new SimpleDateFormat("yyyyMMdd-HHmmssSSS", Locale.ROOT);
        stamp.setTimeZone(TimeZone.getTimeZone("UTC"));
        return new File(dir, base + "." + stamp.format(new Date(millis)) + SUFFIX);
    }

    static File temporary(File backup) {
        return new File(backup.getPath() + TEMPORARY);
    }

    static File failed(File backup) {
        return new File(backup.getPath() + FAILED);
    }

    /** This database's verified backups, oldest first (names only: nothing is opened). */
    List<Path> kept() throws IOException {
        List<Path> found = new ArrayList<Path>();
        String[] names = dir.list();
        if (names == null) {
            throw new IOException("cannot list " + dir);
        }
        for (String name : names) {
            if (kept.matcher(name).matches()) {
                found.add(new File(dir, name).toPath());
            }
        }
        Collections.sort(found);
        return found;
    }

    /** Deletes all but the newest {@code keep} backups; returns how many went. */
    int rotate(int keep) throws IOException {
        List<Path> all = kept();
        int deleted = 0;
        for (int i = 0; i < all.size() - keep; i++) {
            if (Files.deleteIfExists(all.get(i))) {
                deleted++;
            }
        }
        return deleted;
    }
}
