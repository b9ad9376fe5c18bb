package io.github.sqlitepragmaagent.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Runs another main class and, when the JVM shuts down, prints what the whole process used: CPU time
 * (user + system, from {@code /proc/self/stat}) and peak RSS ({@code VmHWM}). Kept free of anything but
 * {@code java.base}, so that it can sit in front of any app, a Spring Boot fat jar's launcher included.
 *
 * <pre>java -cp DIR[:APP] io.github.sqlitepragmaagent.benchmarks.MeasuredMain MAIN-CLASS ARGS...</pre>
 */
public final class MeasuredMain {

    /** Linux reports CPU time in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private MeasuredMain() {}

    public static void main(String[] args) throws Throwable {
        Runtime.getRuntime().addShutdownHook(new Thread() {
            @Override
            public void run() {
                report();
            }
        });
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void report() {
        try {
            String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rssKb = -1;
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            System.out.println("measured cpu_ms=" + ticks * 1000 / TICKS_PER_SECOND + " rss_kb=" + rssKb);
            System.out.flush();
        } catch (Exception e) {
            System.out.println("measured failed " + e);
        }
    }
}
