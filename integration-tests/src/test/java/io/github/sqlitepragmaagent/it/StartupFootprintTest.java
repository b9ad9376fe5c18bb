package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.NoSqliteApp;
import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent loads into the host JVM, checked rather than remembered: its launch path weaves with
 * plain ASM, so Byte Buddy's type pool, descriptions and Advice never load; and a JVM that never opens
 * SQLite loads nothing of the agent's working parts.
 */
class StartupFootprintTest {

    private static final String AGENT = "io.github.sqlitepragmaagent.";
    private static final Pattern HEAVY_BYTE_BUDDY = Pattern.compile(
            Pattern.quote(AGENT + "shaded.net.bytebuddy.") + "(pool|description|asm\\.Advice|dynamic|implementation|matcher|agent)");

    @TempDir
    Path dir;

    private static List<String> loadedAgentClasses(AppResult result) {
        return result.stdout().lines().filter(line -> line.contains("[class,load]") && line.contains(AGENT))
                .map(line -> line.replaceAll(".*\\[class,load\\] (\\S+).*", "$1")).collect(Collectors.toList());
    }

    @Test
    void openingAConnectionLoadsNoByteBuddyTypePoolDescriptionOrAdvice() throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments("audit.enabled=false").jvmOption("-Xlog:class+load=info")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("one.db"), "--connections", "1");

        assertEquals(0, result.exitStatus(), result::toString);
        List<String> loaded = loadedAgentClasses(result);
        assertTrue(loaded.stream().anyMatch(name -> name.startsWith(AGENT + "shaded.net.bytebuddy.jar.asm.")),
                "the weave ran: " + loaded);
        assertEquals(List.of(), loaded.stream().filter(name -> HEAVY_BYTE_BUDDY.matcher(name).lookingAt()).collect(Collectors.toList()));
    }

    @Test
    void anAppThatExitsBeforeItsFirstAuditLoadsNothingTheAuditsWorkWith() throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments("audit.delay=1h").jvmOption("-Xlog:class+load=info")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("one.db"), "--connections", "1");

        assertEquals(0, result.exitStatus(), result::toString);
        List<String> loaded = loadedAgentClasses(result);
        assertTrue(loaded.contains(AGENT + "audit.AuditScheduler"), "the first audit was scheduled: " + loaded);
        assertEquals(List.of(), loaded.stream()
                .filter(name -> name.matches(Pattern.quote(AGENT) + "(audit\\.(DatabaseAuditor|AuditLog|IdleCheckpoints|Watchdog)|jmx\\.JmxRegistry)"))
                .collect(Collectors.toList()));
    }

    @Test
    void aJvmThatNeverOpensSqliteLoadsNoneOfTheAgentsWorkingParts() throws Exception {
        AppResult result = AppJvm.withAgent().jvmOption("-Xlog:class+load=info").run(NoSqliteApp.class);

        assertEquals("true", result.get("app.done"), result::toString);
        List<String> loaded = loadedAgentClasses(result);
        assertTrue(loaded.contains(AGENT + "entry.AgentEntry"), loaded::toString);
        List<String> working = loaded.stream()
                .filter(name -> name.matches(Pattern.quote(AGENT) + "(audit|jmx|cli|tune|hooks|session|txn|guard|shaded\\.net)\\..*"))
                .collect(Collectors.toList());
        assertEquals(List.of(), working);
    }
}
