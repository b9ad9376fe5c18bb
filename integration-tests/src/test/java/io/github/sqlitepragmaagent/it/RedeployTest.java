package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.RedeployApp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webapp with sqlite-jdbc in its {@code WEB-INF/lib}, deployed and undeployed ten times in
 * embedded Tomcat: the agent must keep none of its class loaders, and Tomcat's leak detection must
 * have nothing to say about the agent's threads.
 */
class RedeployTest {

    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    private static AppResult redeploy(AppJvm jvm, Path work, String... extra) throws Exception {
        String[] args = new String[3 + extra.length];
        args[0] = work.toString();
        args[1] = AppJvm.APP_LIBS.resolve("sqlite-jdbc.jar").toString();
        args[2] = String.valueOf(ROUNDS);
        System.arraycopy(extra, 0, args, 3, extra.length);
        // The opens let Tomcat's leak detection look into every thread's ThreadLocals too.
        return jvm.jvmOption("--add-opens=java.base/java.lang=ALL-UNNAMED").onlyLibs("tomcat-embed-core.jar", "tomcat-annotations-api.jar").timeout(Duration.ofSeconds(120))
                .run(RedeployApp.class, args);
    }

    @Test
    void tenRedeploysUnderTheAgentLeaveNoWebappClassLoaderAndNoAgentThreadInTomcatsLeakReport() throws Exception {
        AppResult result = redeploy(AppJvm.withAgent().agentArguments("audit.delay=0s"), dir, "--wait-for-audit");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(String.valueOf(ROUNDS), result.get("app.rounds"), result::toString);
        assertEquals(ROUNDS, result.agentLinesContaining("audit db=").size(), "every webapp's database was audited: " + result);
        assertTrue(!result.stderr().contains("appears to have started a thread named [sqlite-pragma-agent"),
                "Tomcat reports an agent thread: " + result);
        // The test's own webapp classes share the prefix (sqlite-jdbc's stack traces name them): only the agent's count.
        assertTrue(!java.util.regex.Pattern.compile("io\\.github\\.sqlitepragmaagent\\.(?!it\\.)").matcher(result.stderr()).find(),
                "Tomcat names an agent class: " + result);
        assertEquals("0", result.get("app.loaders_reachable"), result::toString);
    }

    @Test
    void withoutTheAgentNoWebappClassLoaderIsLeftEither() throws Exception {
        AppResult result = redeploy(AppJvm.withoutAgent(), dir);

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("0", result.get("app.loaders_reachable"), result::toString);
    }
}
