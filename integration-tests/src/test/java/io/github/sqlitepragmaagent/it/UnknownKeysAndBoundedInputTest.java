package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stray variables and hostile config files: an unknown key is one WARN line and the agent keeps
 * working; a config file that is not a regular file of at most 1 MiB is one error line, read never
 * (a FIFO would hold the JVM before main, /dev/zero would fill the heap); at most 20 problem lines.
 */
class UnknownKeysAndBoundedInputTest {

    /** A FIFO or a device must be refused at once; this only turns a hang into a failure. */
    private static final Duration NO_HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private AppResult open(AppJvm jvm, String name) throws Exception {
        return jvm.timeout(NO_HANG).run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve(name));
    }

    private static void assertTuned(AppResult result) {
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("wal", result.get("app.journal_mode"), result::toString);
        assertEquals(1, result.agentLinesContaining("tuned db=").size(), result::toString);
    }

    private static void assertUntunedWithOneError(AppResult result, String error) {
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("true", result.get("app.done"), result::toString);
        assertEquals("delete", result.get("app.journal_mode"), result::toString);
        List<String> errors = result.agentLinesContaining("[ERROR]");
        assertEquals(1, errors.size(), result::toString);
        assertTrue(errors.get(0).contains("invalid configuration, the agent applies nothing: " + error), errors.get(0));
    }

    @Test
    void aStrayAgentVariableIsOneWarningAndTheAgentKeepsWorking() throws Exception {
        AppResult result = open(AppJvm.withAgent().env("SQLITE_AGENT_FOO", "1"), "stray.db");

        assertTuned(result);
        assertEquals(List.of(), result.agentLinesContaining("[ERROR]"), result::toString);
        List<String> warnings = result.agentLinesContaining("[WARN]");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("ignoring unknown key 'foo' from environment SQLITE_AGENT_FOO;"
                + " see the README's configuration reference"), warnings.get(0));
    }

    @Test
    void unknownKeysFromEverySourceAreWarnedAboutWithASuggestionAndTheRestApplies() throws Exception {
        Path file = Files.writeString(dir.resolve("agent.properties"), "cache_sise=-1\ncache_size=-4444\n");

        AppResult result = open(AppJvm.withAgent().agentArguments("jornal_mode=DELETE,config=" + file)
                .jvmOption("-Dsqlite.agent.overide=true").env("SQLITE_AGENT_SYNCHRONUS", "OFF"), "typos.db");

        assertTuned(result);
        assertEquals("-4444", result.get("app.cache_size"), result::toString);
        for (String warning : List.of(
                "ignoring unknown key 'jornal_mode' from agent argument (did you mean 'journal_mode'?)",
                "ignoring unknown key 'overide' from -Dsqlite.agent.overide (did you mean 'override'?)",
                "ignoring unknown key 'synchronus' from environment SQLITE_AGENT_SYNCHRONUS (did you mean 'synchronous'?)",
                "ignoring unknown key 'cache_sise' from file " + file + " (did you mean 'cache_size'?)")) {
            assertEquals(1, result.agentLinesContaining("[WARN] sqlite-pragma-agent - " + warning).size(),
                    warning + " in " + result);
        }
    }

    @Test
    void anInvalidValueStillMakesTheAgentApplyNothingNextToAnUnknownKey() throws Exception {
        AppResult result = open(AppJvm.withAgent().agentArguments("cache_size=lots").env("SQLITE_AGENT_FOO", "1"), "bad.db");

        assertUntunedWithOneError(result, "cache_size='lots' from agent argument is not allowed");
        assertEquals(1, result.agentLinesContaining("ignoring unknown key 'foo'").size(), result::toString);
    }

    @Test
    void aFifoAsConfigFileIsOneErrorLineNotAHang() throws Exception {
        Path fifo = dir.resolve("agent.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: mkfifo is not available on this machine (" + e.getMessage() + ")");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "skipped: mkfifo could not create " + fifo);

        AppResult result = open(AppJvm.withAgent().agentArguments("config=" + fifo), "fifo.db");

        assertUntunedWithOneError(result, "config file '" + fifo + "' from agent argument cannot be read: not a regular"
                + " file (a directory, FIFO or device)");
    }

    @Test
    void devZeroAsConfigFileIsOneErrorLineNotAFullHeap() throws Exception {
        assumeTrue(Files.exists(Paths.get("/dev/zero")), "skipped: no /dev/zero on this machine");

        // A small heap makes a read of /dev/zero fail in seconds rather than fill the machine's memory.
        AppResult result = open(AppJvm.withAgent().agentArguments("config=/dev/zero").jvmOption("-Xmx64m"), "zero.db");

        assertUntunedWithOneError(result, "config file '/dev/zero' from agent argument cannot be read: not a regular file");
    }

    @Test
    void aConfigFileAboveOneMebibyteIsOneErrorLine() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; content.length() <= 2 << 20; i++) {
            content.append("stray").append(i).append("=1\n");
        }
        Path file = Files.writeString(dir.resolve("huge.properties"), content);

        AppResult result = open(AppJvm.withAgent().agentArguments("config=" + file), "huge.db");

        assertUntunedWithOneError(result, "config file '" + file + "' from agent argument cannot be read: it has "
                + content.length() + " bytes; a config file may have at most 1 MiB (1048576 bytes)");
        assertEquals(1, result.agentLines().size(), "nothing but that line: " + result);
    }

    @Test
    void atMostTwentyProblemLinesThenACount() throws Exception {
        StringBuilder content = new StringBuilder("cache_size=-4444\n");
        for (int i = 0; i < 500; i++) {
            content.append("stray").append(i).append("=1\n");
        }
        Path file = Files.writeString(dir.resolve("many.properties"), content);

        AppResult result = open(AppJvm.withAgent().agentArguments("config=" + file), "many.db");

        assertTuned(result);
        assertEquals("-4444", result.get("app.cache_size"), result::toString);
        assertEquals(20, result.agentLinesContaining("ignoring unknown key 'stray").size(), result::toString);
        assertEquals(1, result.agentLinesContaining("[WARN] sqlite-pragma-agent - and 480 more configuration problem(s)"
                + " not shown (java -jar sqlite-pragma-agent.jar config lists them all)").size(), result::toString);
    }
}
