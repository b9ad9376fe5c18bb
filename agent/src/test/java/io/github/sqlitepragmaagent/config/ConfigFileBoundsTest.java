package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file is bounded input: a regular file of at most 1 MiB, checked before it is opened. */
class ConfigFileBoundsTest {

    private static final Map<String, String> NONE = Map.of();

    @TempDir
    Path dir;

    private static String onlyProblem(LoadedConfig loaded) {
        assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
        return loaded.problems().get(0).message();
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("agent.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

        // Opening a FIFO for reading blocks until a writer comes: the timeout turns a hang into a failure.
        LoadedConfig loaded = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ConfigLoader.load("config=" + fifo, NONE, NONE));

        assertEquals("config file '" + fifo + "' from agent argument cannot be read: not a regular file (a directory,"
                + " FIFO or device); name a properties file", onlyProblem(loaded));
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        assumeTrue(new File("/dev/zero").exists(), "no /dev/zero here");

        LoadedConfig loaded = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ConfigLoader.load("config=/dev/zero", NONE, NONE));

        assertTrue(onlyProblem(loaded).startsWith("config file '/dev/zero' from agent argument cannot be read: not a"
                + " regular file"), loaded.problems()::toString);
    }

    @Test
    void aDirectoryIsRefused() {
        assertTrue(onlyProblem(ConfigLoader.load("config=" + dir, NONE, NONE)).contains("not a regular file"));
    }

    @Test
    void aFileAboveOneMebibyteIsRefusedAndOneAtTheLimitIsRead() throws IOException {
        String line = "# padding to the limit\n";
        StringBuilder content = new StringBuilder("cache_size=-4321\n");
        while (content.length() + line.length() <= ConfigLoader.MAX_FILE_BYTES) {
            content.append(line);
        }
        content.append("#".repeat((int) ConfigLoader.MAX_FILE_BYTES - content.length()));
        Path atLimit = Files.writeString(dir.resolve("at-limit.properties"), content);
        Path above = Files.writeString(dir.resolve("above.properties"), content + "\n");

        LoadedConfig read = ConfigLoader.load("config=" + atLimit, NONE, NONE);
        assertTrue(read.valid(), read.problems()::toString);
        assertEquals("-4321", read.config().effective().get("cache_size").value());

        assertEquals("config file '" + above + "' from agent argument cannot be read: it has 1048577 bytes; a config file"
                + " may have at most 1 MiB (1048576 bytes)", onlyProblem(ConfigLoader.load("config=" + above, NONE, NONE)));
    }

    @Test
    void aFileOfManyUnknownKeysIsReadButShownAsTwentyLinesAndACount() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            content.append("stray").append(i).append("=1\n");
        }
        Path file = Files.writeString(dir.resolve("stray.properties"), content);

        LoadedConfig loaded = ConfigLoader.load("config=" + file, NONE, NONE);

        assertTrue(loaded.valid());
        assertEquals(5000, loaded.unknownKeys().size());
        assertEquals("and 4980 more configuration problem(s) not shown (java -jar sqlite-pragma-agent.jar config lists"
                + " them all)", loaded.notShown());
        assertNull(ConfigLoader.load("nope=1", NONE, NONE).notShown());
    }
}
