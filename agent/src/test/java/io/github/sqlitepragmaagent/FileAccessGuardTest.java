package io.github.sqlitepragmaagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.config.AgentConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent never opens a file beside SQLite except where this allow-list says why it may.
 *
 * <p>A descriptor that the agent opens and closes on a database file, its {@code -wal}, {@code -shm}
 * or {@code -journal}, in the app's process, releases every POSIX lock the app's SQLite holds on that
 * file (sqlite.org, "How To Corrupt An SQLite Database File", 2.2). The audit once read the database
 * header that way: from its first run on, the app held no lock, another process's close deleted the
 * WAL the app was writing, and committed rows were lost. Database files are read only through SQLite
 * (the app's own driver) and measured only with stat calls. A new file-opening call in the agent's
 * classes fails this test until it is added here with its reason, which must not be a database.
 */
class FileAccessGuardTest {

    /** {@code Class.method -> API} that may open a file, each never a database file, and why. */
    private static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("io.github.sqlitepragmaagent.config.ConfigLoader.boundedContent -> java.io.FileInputStream.<init>",
                "the agent's configuration file (config.file), which the operator names; never a database");
        ALLOWED.put("io.github.sqlitepragmaagent.support.MountTable.ofThisSystem -> java.nio.file.Files.readAllBytes",
                "/proc/self/mountinfo, for the network-filesystem guard");
        ALLOWED.put("io.github.sqlitepragmaagent.audit.AuditLog.appendJson -> java.io.FileOutputStream.<init>",
                "the audit's JSON lines file (audit.log.file), which the operator names; appended to, never a database");
        ALLOWED.put("io.github.sqlitepragmaagent.cli.DriverLocator.isDriver -> java.util.jar.JarFile.<init>",
                "the CLI, in its own process: a sqlite-jdbc jar, to see whether it holds the driver");
        ALLOWED.put("io.github.sqlitepragmaagent.config.ConfigReference.main -> java.nio.file.Files.readAllBytes",
                "the README generator, run by the build, never inside an app");
        ALLOWED.put("io.github.sqlitepragmaagent.config.ConfigReference.main -> java.nio.file.Files.write",
                "the README generator, run by the build, never inside an app");
    }

    @Test
    void theAgentOpensNoFileOutsideItsAllowList() throws Exception {
        Path classes = Paths.get(AgentConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                found.addAll(FileOpeningCalls.in(Files.readAllBytes(file)));
                scanned++;
            }
        }
        assertTrue(scanned > 100, "the agent's classes were found under " + classes + " (" + scanned + ")");

        List<String> notAllowed = new ArrayList<>(found);
        notAllowed.removeAll(ALLOWED.keySet());
        assertEquals(List.of(), notAllowed, "file-opening calls outside the allow-list: a descriptor opened beside"
                + " SQLite in the app's process drops the app's locks on a database; read databases through SQLite"
                + " and measure them with stat calls, or add the call to ALLOWED with why it never names a database");
        List<String> stale = new ArrayList<>(ALLOWED.keySet());
        stale.removeAll(found);
        assertEquals(List.of(), stale, "allow-list entries that match no call any more: remove them");
    }

    @Test
    void theGuardSeesDirectCallsConstructorsAndMethodReferences() throws IOException {
        List<String> found = FileOpeningCalls.in(HeaderPeek.class);

        assertEquals(Arrays.asList(
                HeaderPeek.class.getName() + ".stream -> java.io.FileInputStream.<init>",
                HeaderPeek.class.getName() + ".random -> java.io.RandomAccessFile.<init>",
                HeaderPeek.class.getName() + ".bytes -> java.nio.file.Files.readAllBytes",
                HeaderPeek.class.getName() + ".reference -> java.io.FileInputStream.<init>"), found);
    }

    @Test
    void statCallsAreNotFileOpenings() throws IOException {
        assertEquals(List.of(), FileOpeningCalls.in(SizeOnly.class));
    }

    /** What the audit once did, and the other ways of doing it. */
    @SuppressWarnings("unused")
    private static final class HeaderPeek {
        static int stream(String database) throws IOException {
            try (InputStream in = new FileInputStream(database)) {
                return in.read();
            }
        }

        static int random(String database) throws IOException {
            try (RandomAccessFile file = new RandomAccessFile(database, "r")) {
                return file.read();
            }
        }

        static byte[] bytes(Path database) throws IOException {
            return Files.readAllBytes(database);
        }

        static Opener reference() {
            return FileInputStream::new;
        }

        interface Opener {
            InputStream open(java.io.File file) throws IOException;
        }
    }

    /** Sizes and identities: stat calls, no descriptor. */
    @SuppressWarnings("unused")
    private static final class SizeOnly {
        static long sizes(Path database) throws IOException {
            return Files.size(database) + new java.io.File(database + "-wal").length()
                    + Files.readAttributes(database, java.nio.file.attribute.BasicFileAttributes.class).size();
        }
    }
}
