package io.github.sqlitepragmaagent.testapps.tx;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two requests interleaved by latches at a chosen point of a read-modify-write transaction, so that
 * what happens there is SQLite's answer, not a race: no step waits on a clock (the latch waits have
 * a generous bound only so that a broken run ends instead of hanging).
 */
final class Handshakes {

    private static final long BOUND_SECONDS = 120;

    private final PanelService service;
    private final Load load;
    private final WriteLockProbe probe;
    private final Failures failures;

    Handshakes(PanelService service, Load load, WriteLockProbe probe, Failures failures) {
        this.service = service;
        this.load = load;
        this.probe = probe;
        this.failures = failures;
    }

    /**
     * A writer reads its panel and stays inside its transaction; meanwhile a read-only listing runs.
     * Reports whether the writer held the write lock then (it does when its transaction began
     * IMMEDIATE) and whether the listing completed while it did: a listing serialized behind writers
     * would wait out the busy timeout and fail instead.
     */
    Map<String, String> listingBesideOpenWriter(long panelId) throws InterruptedException, SQLException {
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch listingDone = new CountDownLatch(1);
        AtomicBoolean writerCommitted = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                writerCommitted.set(load.adjust(panelId, () -> {
                    readDone.countDown();
                    await(listingDone);
                }));
            } finally {
                readDone.countDown();
            }
        }, "handshake-writer");
        writer.start();
        Map<String, String> report = new LinkedHashMap<>();
        try {
            await(readDone);
            report.put("writer_held_write_lock", Boolean.toString(probe.writeLockHeld()));
            boolean listed;
            try {
                service.list();
                listed = true;
            } catch (RuntimeException e) {
                failures.count(e);
                listed = false;
            }
            report.put("listing_completed_while_writer_open", Boolean.toString(listed));
        } finally {
            listingDone.countDown();
            writer.join();
        }
        report.put("writer_committed", Boolean.toString(writerCommitted.get()));
        return report;
    }

    /**
     * A writer reads its panel; another request then updates the same panel and commits; then the
     * writer writes. In a DEFERRED transaction in WAL mode the writer's snapshot is now stale and
     * SQLite refuses the upgrade at once (SQLITE_BUSY_SNAPSHOT): one lock error, made certain.
     */
    Map<String, String> conflictAfterRead(long panelId) throws InterruptedException {
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        AtomicBoolean writerCommitted = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                writerCommitted.set(load.adjust(panelId, () -> {
                    readDone.countDown();
                    await(otherDone);
                }));
            } finally {
                readDone.countDown();
            }
        }, "conflict-writer");
        writer.start();
        Map<String, String> report = new LinkedHashMap<>();
        try {
            await(readDone);
            report.put("other_committed", Boolean.toString(load.adjust(panelId, () -> { })));
        } finally {
            otherDone.countDown();
            writer.join();
        }
        report.put("writer_committed", Boolean.toString(writerCommitted.get()));
        return report;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("handshake partner did not arrive within " + BOUND_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
