package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.helpers.NOPLogger;

/**
 * The writers' line of one database: first come, first served; handed on at release, and taken back from
 * a connection that was closed, dropped or is in no transaction; a wait bounded by its timeout; never a
 * thread waiting for a turn it holds itself. Threads are ordered with latches and the line's own count of
 * waiters: no assertion depends on how long anything takes.
 */
// A guard against a hang (the failure mode of a line that hands no turn on), not a measure of time.
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WriterLineTest {

    /** Long enough never to run out in these tests: the waits here end by a release, not by the bound. */
    private static final long FOREVER = TimeUnit.MINUTES.toNanos(10);

    private final List<Connection> keep = new ArrayList<Connection>();

    @Test
    void writersTakeTheirTurnsInTheOrderTheyCame() throws Exception {
        WriterLine line = new WriterLine();
        Session first = session(new AtomicBoolean());
        assertTrue(line.take(first, FOREVER));
        List<String> order = new CopyOnWriteArrayList<String>();
        List<Thread> threads = new ArrayList<Thread>();
        for (int i = 1; i <= 5; i++) {
            String name = "writer-" + i;
            Session session = session(new AtomicBoolean());
            Thread thread = new Thread(() -> {
                if (line.take(session, FOREVER)) {
                    order.add(name);
                    line.release(session);
                }
            }, name);
            thread.start();
            threads.add(thread);
            awaitWaiting(line, i); // the next one comes strictly after this one stands in line
        }
        line.release(first);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of("writer-1", "writer-2", "writer-3", "writer-4", "writer-5"), order);
    }

    @Test
    void aTurnHeldByATransactionIsHandedToTheNextAtItsEnd() throws Exception {
        WriterLine line = new WriterLine();
        Session holder = session(new AtomicBoolean());
        assertTrue(line.take(holder, FOREVER));
        holder.inTransaction = true;
        line.began(holder);
        Session next = session(new AtomicBoolean());
        CountDownLatch granted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            if (line.take(next, FOREVER)) {
                granted.countDown();
            }
        });
        waiter.start();
        awaitWaiting(line, 1);
        assertEquals(1, granted.getCount(), "no turn while the holder's transaction is open");
        holder.inTransaction = false; // as Transactions does at commit or rollback, before it gives the turn back
        line.release(holder);
        granted.await();
        waiter.join();
        assertTrue(line.holds(next));
        assertFalse(line.holds(holder));
    }

    @Test
    void theTurnOfAConnectionClosedMidTransactionGoesToTheNext() throws Exception {
        WriterLine line = new WriterLine();
        AtomicBoolean closed = new AtomicBoolean();
        Session holder = session(closed);
        assertTrue(line.take(holder, FOREVER));
        holder.inTransaction = true;
        line.began(holder);
        Session next = session(new AtomicBoolean());
        AtomicBoolean got = new AtomicBoolean();
        Thread waiter = new Thread(() -> got.set(line.take(next, FOREVER)));
        waiter.start();
        awaitWaiting(line, 1);
        closed.set(true); // Connection.close() with the transaction open: SQLite rolls it back; no commit hook runs
        waiter.join();
        assertTrue(got.get());
        assertTrue(line.holds(next));
    }

    @Test
    void theTurnOfAConnectionTheAppDroppedGoesToTheNext() throws Exception {
        WriterLine line = new WriterLine();
        Session holder = droppableSession();
        assertTrue(line.take(holder, FOREVER));
        holder.inTransaction = true;
        line.began(holder);
        Session next = session(new AtomicBoolean());
        AtomicBoolean got = new AtomicBoolean();
        Thread waiter = new Thread(() -> got.set(line.take(next, FOREVER)));
        waiter.start();
        awaitWaiting(line, 1);
        while (holder.connection() != null) { // the app's last reference is gone; wait for the collector to see it
            System.gc();
            Thread.sleep(10);
        }
        waiter.join();
        assertTrue(got.get());
        assertTrue(line.holds(next));
    }

    @Test
    void aTurnWhoseTransactionEndedUnseenIsTakenBack() throws Exception {
        WriterLine line = new WriterLine();
        Session holder = session(new AtomicBoolean());
        assertTrue(line.take(holder, FOREVER));
        line.began(holder); // its begin returned, yet it is in no transaction the agent knows of
        Session next = session(new AtomicBoolean());
        assertTrue(line.take(next, FOREVER));
    }

    @Test
    void theWaitInLineEndsAtItsBoundAndLaterWritersGoStraightToSqlite() throws Exception {
        WriterLine line = new WriterLine();
        Session holder = session(new AtomicBoolean());
        assertTrue(line.take(holder, FOREVER));
        holder.inTransaction = true;
        line.began(holder); // and never ends: an app whose transaction stays open
        AtomicReference<Boolean> first = new AtomicReference<Boolean>();
        Thread waiter = new Thread(() -> first.set(line.take(session(new AtomicBoolean()), TimeUnit.MILLISECONDS.toNanos(50))));
        waiter.start();
        waiter.join();
        assertEquals(Boolean.FALSE, first.get(), "the waiter goes on without a turn, to SQLite's own busy wait");
        assertEquals(0, line.waiting());
        assertFalse(line.take(session(new AtomicBoolean()), FOREVER),
                "once someone waited out its bound behind this holder, the next go to SQLite at once: one busy timeout, not two");
        assertTrue(line.holds(holder));
        line.release(holder);
        assertTrue(line.take(session(new AtomicBoolean()), FOREVER), "a new holder is not presumed stuck");
    }

    @Test
    void aZeroBusyTimeoutNeverWaits() {
        WriterLine line = new WriterLine();
        Session holder = session(new AtomicBoolean());
        assertTrue(line.take(holder, 0));
        holder.inTransaction = true;
        line.began(holder);
        assertFalse(line.take(session(new AtomicBoolean()), 0));
        assertEquals(0, line.waiting());
    }

    @Test
    void aThreadNeverWaitsForATurnItHoldsOnAnotherConnection() {
        WriterLine line = new WriterLine();
        Session outer = session(new AtomicBoolean());
        assertTrue(line.take(outer, FOREVER));
        outer.inTransaction = true;
        line.began(outer);
        // Same thread, second connection (Spring REQUIRES_NEW): waiting would wait for itself until the bound.
        assertFalse(line.take(session(new AtomicBoolean()), FOREVER));
        assertEquals(0, line.waiting());
        assertTrue(line.holds(outer));
    }

    @Test
    void aTurnIsTheConnectionsNotTheThreads() throws Exception {
        WriterLine line = new WriterLine();
        Session pooled = session(new AtomicBoolean());
        assertTrue(line.take(pooled, FOREVER));
        pooled.inTransaction = true;
        line.began(pooled);
        AtomicReference<Boolean> again = new AtomicReference<Boolean>();
        Thread other = new Thread(() -> {
            again.set(line.take(pooled, FOREVER)); // the pool handed the connection to another thread
            line.release(pooled);
        });
        other.start();
        other.join();
        assertEquals(Boolean.TRUE, again.get());
        assertFalse(line.holds(pooled), "given back by the thread that had the connection at the end");
    }

    @Test
    void anInterruptDoesNotEndTheWaitAndIsKeptForTheApp() throws Exception {
        WriterLine line = new WriterLine();
        Session holder = session(new AtomicBoolean());
        assertTrue(line.take(holder, FOREVER));
        holder.inTransaction = true;
        line.began(holder);
        Session next = session(new AtomicBoolean());
        AtomicBoolean got = new AtomicBoolean();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            got.set(line.take(next, FOREVER));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        awaitWaiting(line, 1);
        waiter.interrupt();
        awaitWaiting(line, 1); // still in line
        holder.inTransaction = false;
        line.release(holder);
        waiter.join();
        assertTrue(got.get());
        assertTrue(interruptedAfter.get());
    }

    @Test
    void aFailureOfTheLineTurnsItOffAndEveryBeginGoesToSqlite() {
        WriterTurns turns = new WriterTurns(NOPLogger.NOP_LOGGER);
        Session broken = new Session(null, false, "begin immediate;", false, false, connection(new AtomicBoolean()));
        assertFalse(turns.take(broken), "a line that throws gives no turn, and the exception goes nowhere");
        Session fine = session(new AtomicBoolean());
        assertFalse(turns.take(fine), "off for good after one failure");
        assertFalse(turns.lineOf(fine.database).holds(fine));
    }

    private static void awaitWaiting(WriterLine line, int count) throws InterruptedException {
        while (line.waiting() < count) {
            Thread.sleep(1);
        }
    }

    private Session session(AtomicBoolean closed) {
        return new Session("/tmp/line-test.db", false, "begin immediate;", false, false, connection(closed));
    }

    /** A session whose connection nothing but the session (weakly) refers to. */
    private static Session droppableSession() {
        return new Session("/tmp/line-test.db", false, "begin immediate;", false, false, proxy(new AtomicBoolean()));
    }

    private Connection connection(AtomicBoolean closed) {
        Connection connection = proxy(closed);
        keep.add(connection); // the app still has it: only the dropped-connection test lets go
        return connection;
    }

    private static Connection proxy(AtomicBoolean closed) {
        return (Connection) Proxy.newProxyInstance(WriterLineTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isClosed":
                            return closed.get();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
