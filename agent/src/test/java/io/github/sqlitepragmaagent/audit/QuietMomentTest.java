package io.github.sqlitepragmaagent.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a first audit may start: the clock is handed in, the files' changes are real. */
class QuietMomentTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path dir;

    private static void append(Path file) throws Exception {
        Files.write(file, new byte[100], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void startsOnceNeitherFileChangedForTheQuietTime() throws Exception {
        Path db = dir.resolve("app.db");
        append(db);
        QuietMoment quiet = new QuietMoment(db.toString(), 250, 0);

        assertFalse(quiet.reached(0), "the first look has nothing to compare with");
        assertFalse(quiet.reached(200 * MS), "unchanged for 200 ms only");
        assertTrue(quiet.reached(250 * MS), "unchanged for 250 ms");
    }

    @Test
    void aWriteToTheWalOrTheDatabaseStartsTheQuietTimeAgain() throws Exception {
        Path db = dir.resolve("app.db");
        append(db);
        QuietMoment quiet = new QuietMoment(db.toString(), 250, 0);
        assertFalse(quiet.reached(0));

        append(dir.resolve("app.db-wal"));
        assertFalse(quiet.reached(300 * MS), "the -wal appeared");
        append(dir.resolve("app.db-wal"));
        assertFalse(quiet.reached(600 * MS), "the -wal grew");
        append(db);
        assertFalse(quiet.reached(900 * MS), "the database grew");
        assertFalse(quiet.reached(1100 * MS), "unchanged for 200 ms only");
        assertTrue(quiet.reached(1150 * MS), "unchanged for 250 ms");
    }

    @Test
    void aDatabaseWrittenWithoutPauseIsAuditedAMinuteAfterItWasDue() throws Exception {
        Path db = dir.resolve("busy.db");
        long due = 5 * MS;
        QuietMoment quiet = new QuietMoment(db.toString(), 250, due);
        for (long now = due; now - due < QuietMoment.LONGEST_WAIT_NANOS; now += 125 * MS) {
            append(db);
            assertFalse(quiet.reached(now), "written " + now / MS + " ms");
        }
        append(db);
        assertTrue(quiet.reached(due + QuietMoment.LONGEST_WAIT_NANOS));
    }

    @Test
    void offStartsWhenDue() {
        assertTrue(new QuietMoment(dir.resolve("any.db").toString(), 0, 0).reached(0));
    }
}
