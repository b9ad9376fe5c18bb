package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.statements.OpenReads;
import io.github.sqlitepragmaagent.support.Text;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;

/**
 * Names what pins a WAL: after two of the agent's checkpoints in a row could not move every frame into
 * the database file and the WAL is past {@code wal.pinned.size} and {@code wal.pinned.percent} of the
 * file, one warning per episode (until a checkpoint empties the WAL or it falls below the threshold)
 * naming the oldest read open in this JVM: its thread, how long, its statement, and the app frames of
 * that thread's stack as it is now; or, when no read of this JVM is open, another process. The first
 * warning makes the database's reads record where they begin (a stack per statement, on that database
 * only, from then on), so that later warnings also show where in the app the pinning read was opened.
 *
 * <p>Audit thread only.
 */
final class PinnedWal {

    /** Frames of the reader's stack shown; the JDK's, the driver's and the agent's own are left out. */
    private static final int FRAMES_SHOWN = 6;
    private static final String[] NOT_APP = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.sqlite.",
        "io.github.sqlitepragmaagent.bridge.", "io.github.sqlitepragmaagent.statements.", "com.zaxxer.hikari."};

    private final Logger log;
    private final OpenReads openReads;
    private final long thresholdBytes;
    private final long thresholdPercent;
    /**
     * The reads open at the episode's first pinned checkpoint: the warning comes at the next one and
     * blames only a read open at both with the same run, so that the statements a writer runs with
     * every row (its insert, the driver's {@code SELECT last_insert_rowid()}), open for an instant at
     * each look, are never taken for the read that pins the WAL.
     */
    private final Map<AuditedDatabase, Set<Object>> suspects = new WeakHashMap<AuditedDatabase, Set<Object>>();
    /** Databases in a pinned episode already warned about. */
    private final Set<AuditedDatabase> warned = java.util.Collections.newSetFromMap(new WeakHashMap<AuditedDatabase, Boolean>());

    PinnedWal(Logger log, OpenReads openReads, long thresholdBytes, long thresholdPercent) {
        this.log = log;
        this.openReads = openReads;
        this.thresholdBytes = thresholdBytes;
        this.thresholdPercent = thresholdPercent;
    }

    /** The WAL is empty (or gone): any episode is over. */
    void empty(AuditedDatabase database) {
        warned.remove(database);
        suspects.remove(database);
        database.walPinned(false);
    }

    /** After one of the agent's checkpoints of {@code database}, the WAL being {@code walBytes} afterwards. */
    void checkpointed(AuditedDatabase database, Checkpoint checkpoint, long walBytes) {
        long fileBytes = new File(database.path).length();
        boolean past = walBytes >= thresholdBytes && walBytes * 100 >= thresholdPercent * fileBytes;
        if (checkpoint.result == Checkpoint.Result.TRUNCATED || !past) {
            empty(database);
            return;
        }
        if (checkpoint.result != Checkpoint.Result.PINNED || warned.contains(database)) {
            return;
        }
        List<OpenReads.OpenRead> open = openReads == null ? new ArrayList<OpenReads.OpenRead>() : openReads.of(database.path);
        Set<Object> before = suspects.get(database);
        if (before == null) {
            Set<Object> runs = new HashSet<Object>();
            for (OpenReads.OpenRead read : open) {
                runs.add(read.run);
            }
            suspects.put(database, runs);
            return; // named at the next pinned checkpoint
        }
        suspects.remove(database);
        warned.add(database);
        database.walPinned(true);
        StringBuilder line = new StringBuilder();
        line.append("db=").append(database.path).append(" wal_pinned=true wal_bytes=").append(walBytes)
                .append(" file_bytes=").append(fileBytes).append(": the WAL is ").append(Text.bytes(walBytes))
                .append(" and a checkpoint could copy only ").append(checkpoint.copiedFrames).append(" of its ")
                .append(checkpoint.walFrames).append(" frames into the database file: a read that began before the"
                        + " others is still open, and until it ends no checkpoint (the agent's or SQLite's own) can move"
                        + " them or reset the WAL, which grows with every write; ");
        List<OpenReads.OpenRead> reads = new ArrayList<OpenReads.OpenRead>();
        for (OpenReads.OpenRead read : open) {
            if (before.contains(read.run)) {
                reads.add(read);
            }
        }
        if (reads.isEmpty()) {
            line.append("no read of this JVM's connections is open, so another process (or a connection the agent"
                    + " does not follow) holds it");
        } else {
            OpenReads.OpenRead oldest = reads.get(0);
            Thread thread = thread(oldest.threadId);
            line.append("the oldest open read in this JVM is on thread \"")
                    .append(thread == null ? "id " + oldest.threadId + " (ended)" : thread.getName()).append("\", open for ")
                    .append(oldest.openMillis).append(" ms: ").append(Text.quote(oldest.sql == null ? "" : oldest.sql));
            String began = oldest.began == null ? "" : appFrames(oldest.began);
            if (!began.isEmpty()) {
                line.append(", opened at ").append(began);
            }
            String frames = thread == null ? "" : appFrames(thread.getStackTrace());
            if (!frames.isEmpty()) {
                line.append(", its thread now at ").append(frames);
            }
            if (reads.size() > 1) {
                line.append(" (").append(reads.size() - 1).append(" more open)");
            }
            line.append("; close result sets (and end transactions) as soon as they are read");
            if (oldest.began == null && openReads != null) {
                line.append("; from now on the agent records where reads of this database begin, so a next warning"
                        + " shows where it was opened");
                openReads.recordWhereReadsBegin(database.path);
            }
        }
        line.append(" (said once until the WAL is emptied; wal.pinned.size=").append(Text.bytes(thresholdBytes))
                .append(", wal.pinned.percent=").append(thresholdPercent).append(')');
        log.warn(line.toString());
    }

    private static Thread thread(long id) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getId() == id) {
                return thread;
            }
        }
        return null;
    }

    /** The app's frames of a stack, innermost first. */
    private static String appFrames(StackTraceElement[] stack) {
        StringBuilder frames = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : stack) {
            if (!app(frame.getClassName()) || frame.getClassName().contains("$$Lambda")) {
                continue;
            }
            if (shown > 0) {
                frames.append(" < ");
            }
            frames.append(frame);
            if (++shown == FRAMES_SHOWN) {
                break;
            }
        }
        return frames.toString();
    }

    private static boolean app(String className) {
        for (String prefix : NOT_APP) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
