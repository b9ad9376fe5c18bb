package io.github.sqlitepragmaagent.testapps.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent requests against the service, bounded by a count and a deadline: writer threads send
 * read-modify-write requests on a few panels (so that they contend), lister threads send read-only
 * listings until the writers are done. Failed requests are counted, never retried.
 */
final class Load {

    static final String SETTING = "adjustments";

    private final PanelService service;
    private final List<Long> panelIds;
    private final Failures failures;
    private final AtomicLong issued = new AtomicLong();
    private final LongAdder ok = new LongAdder();
    private final LongAdder listings = new LongAdder();
    private final LongAdder listingsFailed = new LongAdder();
    private volatile boolean writersDone;

    Load(PanelService service, List<Long> panelIds, Failures failures) {
        this.service = service;
        this.panelIds = panelIds;
        this.failures = failures;
    }

    void run(int writers, int listers, long requests, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<Thread> writerThreads = new ArrayList<>();
        List<Thread> listerThreads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            writerThreads.add(new Thread(() -> write(requests, deadline), "writer-" + i));
        }
        for (int i = 0; i < listers; i++) {
            listerThreads.add(new Thread(this::list, "lister-" + i));
        }
        writerThreads.forEach(Thread::start);
        listerThreads.forEach(Thread::start);
        for (Thread t : writerThreads) {
            t.join();
        }
        writersDone = true;
        for (Thread t : listerThreads) {
            t.join();
        }
    }

    /** One read-modify-write request through the service, counted as ok or failed. */
    boolean adjust(long panelId, Runnable betweenReadAndWrite) {
        try {
            service.adjust(panelId, SETTING, betweenReadAndWrite);
            ok.increment();
            return true;
        } catch (RuntimeException e) {
            failures.count(e);
            return false;
        }
    }

    private void write(long requests, long deadline) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && issued.getAndIncrement() < requests) {
            adjust(panelIds.get(random.nextInt(panelIds.size())), () -> { });
        }
    }

    private void list() {
        // At least one listing, even if the writers were done first: the count says listings ran.
        do {
            try {
                service.list();
                listings.increment();
            } catch (RuntimeException e) {
                listingsFailed.increment();
                failures.count(e);
            }
        } while (!writersDone);
    }

    long ok() {
        return ok.sum();
    }

    long listings() {
        return listings.sum();
    }

    long listingsFailed() {
        return listingsFailed.sum();
    }
}
