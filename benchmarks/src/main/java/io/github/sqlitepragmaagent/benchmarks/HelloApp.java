package io.github.sqlitepragmaagent.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The start-up subject: a hello-world that opens one SQLite connection, reads one pragma, and
 * reports the moment its main ends and what memory it used.
 */
public final class HelloApp {

    private HelloApp() {}

    public static void main(String[] args) throws Exception {
        String mode;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA journal_mode")) {
            result.next();
            mode = result.getString(1);
        }
        // The parent process times the arrival of this line: JVM start to the end of main's work.
        System.out.println("main-done journal_mode=" + mode);
        System.out.flush();
        if (args.length > 1 && args[1].equals("--no-memory")) {
            return; // the caller measures the whole process itself
        }
        // Read after the time point, so that measuring memory does not count as start-up.
        String status = Files.readString(Path.of("/proc/self/status"));
        long metaspace = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                metaspace = pool.getUsage().getUsed();
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.println("memory rss_kb=" + field(status, "VmHWM") + " heap_used_kb="
                + (runtime.totalMemory() - runtime.freeMemory()) / 1024 + " metaspace_kb=" + metaspace / 1024);
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
