package io.github.sqlitepragmaagent.examples.panel;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scripted workload of {@code --demo}: what a short day of the panel service does, and what
 * the operator wants to know about it afterwards.
 */
final class DemoWorkload {

    private final PanelStore store;
    private final PrintStream out;

    DemoWorkload(PanelStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    void run(int writers, int writesEach, int readers) throws Exception {
        store.createSchema();
        out.println("  connection reports   " + describe(store.connectionSettings()));

        long roof1 = store.create("roof-1", "south roof");
        long roof2 = store.create("roof-2", "south roof");
        long carport = store.create("carport", "drive");
        for (long id : new long[] {roof1, roof2, carport}) {
            store.putSetting(id, "tilt", "30");
            store.putSetting(id, "azimuth", "180");
        }
        store.update(roof1, null, "south roof, east half");
        store.delete(roof2);
        out.println("  crud                 created 3 panels, updated 1, deleted 1; " + store.list().size() + " listed");
        out.println("  delete cascade       settings orphaned by the delete: " + store.orphanedSettings()
                + " (0 when foreign keys are enforced)");

        LoadResult load = concurrentLoad(carport, writers, writesEach, readers);
        out.printf("  concurrent load      %d writers x %d writes, %d readers: %d writes ok, %d 'database is locked'"
                        + " errors, %d reads, %.1f s%n",
                writers, writesEach, readers, load.writesOk, load.lockedErrors, load.reads, load.seconds);
    }

    private LoadResult concurrentLoad(long panelId, int writers, int writesEach, int readers) throws InterruptedException {
        AtomicLong writesOk = new AtomicLong();
        AtomicLong locked = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        List<Thread> writerThreads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writerThreads.add(started(() -> {
                for (int i = 0; i < writesEach; i++) {
                    try {
                        store.putSetting(panelId, "reading-" + writer + "-" + i, Integer.toString(i * 7 % 400));
                        writesOk.incrementAndGet();
                    } catch (SQLException e) {
                        countLocked(e, locked);
                    }
                }
            }));
        }
        List<Thread> readerThreads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            readerThreads.add(started(() -> {
                while (writerThreads.stream().anyMatch(Thread::isAlive)) {
                    try {
                        store.find(panelId);
                        reads.incrementAndGet();
                    } catch (SQLException e) {
                        countLocked(e, locked);
                    }
                }
            }));
        }
        for (Thread t : writerThreads) {
            t.join();
        }
        for (Thread t : readerThreads) {
            t.join();
        }
        return new LoadResult(writesOk.get(), locked.get(), reads.get(), (System.nanoTime() - start) / 1e9);
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static void countLocked(SQLException e, AtomicLong locked) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("locked") || message.contains("SQLITE_BUSY")) {
            locked.incrementAndGet();
        } else {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Map<String, String> settings) {
        StringBuilder out = new StringBuilder();
        settings.forEach((key, value) -> out.append(out.length() == 0 ? "" : " ").append(key).append('=').append(value));
        return out.toString();
    }

    private record LoadResult(long writesOk, long lockedErrors, long reads, double seconds) {}
}
