package io.github.sqlitepragmaagent.it.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small service as it runs beside other agents: it writes to a database it keeps open (so its WAL
 * stays), meets "database is locked" on it a known number of times, answers and makes one HTTP call on
 * loopback (for a tracing agent to see), and opens a second database once, briefly.
 *
 * <pre>
 * BesideAgentsApp DIR LOCK_ERRORS exit|wait
 * </pre>
 * With {@code wait} it stays until its stdin ends; each line {@code reopen} opens the second database
 * again and keeps that connection open.
 */
public final class BesideAgentsApp {

    public static void main(String[] args) throws Exception {
        Report.jvm();
        String main = args[0] + "/main.db";
        String other = args[0] + "/other.db";
        int lockErrors = Integer.parseInt(args[1]);
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + main)) {
            write(app);
            Report.print("app", app);
            System.out.println("app.lock_errors_caught=" + meetLocks(app, "jdbc:sqlite:" + main, lockErrors));
            try (Connection once = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = once.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS note(id INTEGER PRIMARY KEY, text TEXT)");
                s.executeUpdate("INSERT INTO note(text) VALUES ('once')");
            }
            System.out.println("app.http_status=" + httpRoundTrip());

            String bean = "io.github.sqlitepragmaagent:type=Database,path=\"" + main + "\"";
            TransactionApp.Jmx.awaitFirstAudit(bean);
            System.out.println("jmx.lock_errors=" + TransactionApp.Jmx.attribute("io.github.sqlitepragmaagent:type=Agent", "LockErrors"));
            System.out.println("jmx.database_lock_errors_statement=" + TransactionApp.Jmx.attribute(bean, "LockErrorsStatement"));
            System.out.println("jmx.wal_mode=" + TransactionApp.Jmx.attribute(bean, "WalMode"));
            System.out.println("app.ready=1");
            System.out.flush();
            if (args[2].equals("wait")) {
                serve(other);
            }
        }
    }

    /** Rows enough for the WAL to grow to a few hundred kilobytes and stay (the connection stays open). */
    private static void write(Connection app) throws SQLException {
        try (Statement s = app.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS item(id INTEGER PRIMARY KEY, data BLOB)");
        }
        Random random = new Random(21);
        byte[] data = new byte[1024];
        try (PreparedStatement insert = app.prepareStatement("INSERT INTO item(data) VALUES (?)")) {
            for (int transaction = 0; transaction < 10; transaction++) {
                app.setAutoCommit(false);
                for (int row = 0; row < 50; row++) {
                    random.nextBytes(data);
                    insert.setBytes(1, data);
                    insert.executeUpdate();
                }
                app.commit();
                app.setAutoCommit(true);
            }
        }
    }

    /**
     * Another connection holds the write lock in an open transaction; the app's statements, outside any
     * transaction, wait out a short busy timeout and fail: {@code count} lock errors of kind statement.
     */
    private static int meetLocks(Connection app, String url, int count) throws SQLException {
        int caught = 0;
        try (Connection holder = DriverManager.getConnection(url); Statement s = app.createStatement()) {
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("INSERT INTO item(data) VALUES (x'00')");
            s.execute("PRAGMA busy_timeout=100");
            for (int i = 0; i < count; i++) {
                try {
                    s.executeUpdate("INSERT INTO item(data) VALUES (x'01')");
                } catch (SQLException e) {
                    if (String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
                        caught++;
                    } else {
                        throw e;
                    }
                }
            }
            holder.rollback();
            s.execute("PRAGMA busy_timeout=5000");
        }
        return caught;
    }

    /** A GET to a server of its own on loopback: what a tracing agent turns into spans. */
    private static int httpRoundTrip() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
            return connection.getResponseCode();
        } finally {
            server.stop(0);
        }
    }

    /** Until stdin ends: each {@code reopen} line opens the second database and keeps the connection. */
    private static void serve(String other) throws Exception {
        List<Connection> kept = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.trim().equals("reopen")) {
                    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                    kept.add(connection);
                    System.out.println("app.reopened=" + kept.size());
                    System.out.flush();
                }
            }
        } finally {
            for (Connection connection : kept) {
                connection.close();
            }
        }
    }
}
