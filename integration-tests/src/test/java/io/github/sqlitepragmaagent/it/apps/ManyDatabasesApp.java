package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A multi-tenant app: opens many database files one after the other, each for a moment.
 *
 * <pre>
 * ManyDatabasesApp DIR COUNT [--open FILE] [--delete N] [--replace N] [--audits-after K]
 * </pre>
 * Creates (or reuses) {@code DIR/db-1.db ... DIR/db-COUNT.db}: open, create a table if missing,
 * insert a row, close; then opens {@code --open FILE} the same way, if given. Then waits (bounded)
 * until the agent's MXBean has counted an audit for each, and reports the agent's database count
 * and how many database beans are registered. {@code --delete N} deletes the N newest files,
 * {@code --replace N} overwrites the N before them with text; then waits (bounded) until the beans of
 * the deleted files are gone and each replaced file was audited K more times, and reports again.
 */
public final class ManyDatabasesApp {

    private static final String AGENT = "io.github.sqlitepragmaagent:type=Agent";
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int count = Integer.parseInt(args[1]);
        String extra = null;
        int delete = 0;
        int replace = 0;
        int auditsAfter = 3;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--open" -> extra = args[++i];
                case "--delete" -> delete = Integer.parseInt(args[++i]);
                case "--replace" -> replace = Integer.parseInt(args[++i]);
                case "--audits-after" -> auditsAfter = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            files.add(dir.resolve("db-" + i + ".db"));
        }
        if (extra != null) {
            files.add(Paths.get(extra));
        }
        for (Path file : files) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS visits(at INTEGER)");
                statement.executeUpdate("INSERT INTO visits VALUES (1)");
            } catch (Exception e) {
                System.out.println("app.open_failed=" + file.getFileName() + ":" + e.getMessage().replace(' ', '_'));
            }
        }
        boolean audited = waitFor(() -> number(AGENT, "AuditsRun") >= files.size(), 120);
        System.out.println("app.all_audited=" + audited);
        System.out.println("jmx.Databases=" + number(AGENT, "Databases"));
        System.out.println("app.beans=" + beans());
        if (delete + replace > 0) {
            List<Path> deleted = files.subList(count - delete, count);
            List<Path> replaced = files.subList(count - delete - replace, count - delete);
            List<Long> auditsBefore = new ArrayList<>();
            for (Path file : replaced) {
                auditsBefore.add(number(bean(file), "AuditsRun"));
                // Replaced in one step, as a deploy or a restore would: never half written when an audit looks.
                Path text = Files.writeString(file.resolveSibling(file.getFileName() + ".new"),
                        "this is not a database any more\n".repeat(200), StandardCharsets.UTF_8);
                Files.move(text, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            for (Path file : deleted) {
                Files.delete(file);
            }
            boolean gone = waitFor(() -> {
                for (Path file : deleted) {
                    if (SERVER.isRegistered(bean(file))) {
                        return false;
                    }
                }
                return true;
            }, 60);
            int runs = auditsAfter;
            boolean auditedAgain = waitFor(() -> {
                for (int i = 0; i < replaced.size(); i++) {
                    if (number(bean(replaced.get(i)), "AuditsRun") < auditsBefore.get(i) + runs) {
                        return false;
                    }
                }
                return true;
            }, 60);
            System.out.println("app.deleted_beans_gone=" + gone);
            System.out.println("app.replaced_audited_again=" + auditedAgain);
            System.out.println("app.beans_after=" + beans());
        }
        System.out.println("app.done=true");
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls every 50 ms for at most {@code seconds}: a bound, not a timing assertion. */
    private static boolean waitFor(Condition condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.holds();
    }

    private static ObjectName bean(Path file) {
        try {
            return new ObjectName("io.github.sqlitepragmaagent:type=Database,path=" + ObjectName.quote(file.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(String name, String attribute) throws Exception {
        return number(new ObjectName(name), attribute);
    }

    private static long number(ObjectName name, String attribute) throws Exception {
        return SERVER.isRegistered(name) ? ((Number) SERVER.getAttribute(name, attribute)).longValue() : -1;
    }

    private static int beans() throws Exception {
        return SERVER.queryNames(new ObjectName("io.github.sqlitepragmaagent:type=Database,*"), null).size();
    }
}
