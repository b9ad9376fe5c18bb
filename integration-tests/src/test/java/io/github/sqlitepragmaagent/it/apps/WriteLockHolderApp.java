package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A transaction left open holds the write lock while another thread's write fails on busy: the way an
 * operator meets "database is locked" in production. Every step is ordered by latches, none by a clock.
 *
 * <pre>WriteLockHolderApp DB_FILE in-jvm|wait|other-process [RELEASE_FILE]</pre>
 *
 * {@code wait}: the same holder, and a transaction of {@code main} that waits for it (see {@link #waitForHolder}).
 * {@code in-jvm}: thread {@code report-generator} reads (its transaction begins; under the agent, IMMEDIATE)
 * and parks inside {@link #slowMonthlyReport}; meanwhile {@code main} tries to write twice with busy_timeout=0,
 * then lets the report finish (it commits having only read) and writes again. {@code other-process}: another
 * process ({@link LockHolderApp}) holds the lock; {@code main} tries to write once, then creates RELEASE_FILE.
 * Reports each write's outcome and, under the agent, the database bean's ReadOnlyImmediateCommits.
 */
public final class WriteLockHolderApp {

    private static final CountDownLatch READING = new CountDownLatch(1);
    private static final CountDownLatch FINISH = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        Path db = Paths.get(args[0]);
        String url = "jdbc:sqlite:" + db;
        if (args[1].equals("other-process")) {
            // The test created the table: the lock holder, another process, already has the write lock.
            try (Connection writer = DriverManager.getConnection(url)) {
                System.out.println("app.write_1=" + insert(writer));
            }
            Files.createFile(Paths.get(args[2]));
            System.out.println("app.done=true");
            return;
        }
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS sales(month TEXT, amount INTEGER)");
        }
        Thread report = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url)) {
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM sales")) {
                    rows.next();
                }
                slowMonthlyReport();
                connection.commit();
            } catch (Exception e) {
                System.out.println("app.report=error:" + e);
            }
        }, "report-generator");
        report.start();
        if (args[1].equals("wait")) {
            waitForHolder(url, report);
            System.out.println("app.done=true");
            return;
        }
        try (Connection writer = DriverManager.getConnection(url)) {
            await(READING);
            System.out.println("app.write_1=" + insert(writer));
            System.out.println("app.write_2=" + insert(writer));
            FINISH.countDown();
            report.join();
            System.out.println("app.write_after_report=" + insert(writer));
        }
        System.out.println("jmx.read_only_immediate_commits=" + readOnlyImmediateCommits(db));
        System.out.println("app.done=true");
    }

    /**
     * A transaction that must wait for the report's lock (busy_timeout 120 s): it can begin only once the
     * report ends, which happens when the agent has named the holder on stderr (the agent's threshold, not a
     * clock of the app's, decides when). Without such a line it waits out its busy timeout and fails.
     */
    private static void waitForHolder(String url, Thread report) throws Exception {
        CountDownLatch said = new CountDownLatch(1);
        PrintStream err = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            private final StringBuilder seen = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                err.write(b);
                seen.append((char) b);
                if (b == '\n') {
                    if (seen.indexOf("lock_holder=thread") >= 0) {
                        said.countDown();
                    }
                    seen.setLength(0);
                }
            }
        }, true));
        Thread release = new Thread(() -> {
            await(said);
            FINISH.countDown();
        }, "release-after-report");
        release.setDaemon(true);
        release.start();
        try (Connection writer = DriverManager.getConnection(url); Statement s = writer.createStatement()) {
            await(READING);
            s.execute("PRAGMA busy_timeout=120000");
            writer.setAutoCommit(false);
            String outcome;
            try {
                s.executeUpdate("INSERT INTO sales VALUES ('2026-11', 42)");
                writer.commit();
                outcome = "ok";
            } catch (SQLException e) {
                outcome = "error:" + e.getErrorCode();
                writer.rollback();
            }
            System.out.println("app.write_after_wait=" + outcome);
            writer.setAutoCommit(true);
        }
        report.join();
    }

    /** The app's slow method, in which the holder is parked while the others fail. */
    static void slowMonthlyReport() {
        READING.countDown();
        await(FINISH);
    }

    private static String insert(Connection writer) {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA busy_timeout=0");
            s.executeUpdate("INSERT INTO sales VALUES ('2026-11', 42)");
            return "ok";
        } catch (SQLException e) {
            return (e.getErrorCode() & 0xff) == 5 ? "locked" : "error:" + e.getMessage().replace(' ', '_');
        }
    }

    private static String readOnlyImmediateCommits(Path db) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream().noneMatch(a -> a.startsWith("-javaagent"))) {
            return "absent";
        }
        // The bean is registered by the audit thread (audit.delay=0s in the test): wait for it, bounded by the test.
        while (true) {
            for (ObjectName name : server.queryNames(new ObjectName("io.github.sqlitepragmaagent:type=Database,*"), null)) {
                if (ObjectName.unquote(name.getKeyProperty("path")).endsWith(db.getFileName().toString())) {
                    return String.valueOf(server.getAttribute(name, "ReadOnlyImmediateCommits"));
                }
            }
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not reached");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
