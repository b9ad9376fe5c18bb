package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom values through each source, and their precedence, read back on the app's connection. */
class ConfigSourcesTest {

    @TempDir
    Path dir;

    private AppResult run(AppJvm jvm, String name) throws Exception {
        return jvm.run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve(name), "--extra", "journal_size_limit");
    }

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("agent-" + content.hashCode() + ".properties"), content);
    }

    @Test
    void agentArgument() throws Exception {
        AppResult result = run(AppJvm.withAgent().agentArguments("cache_size=-1111,journal_size_limit=1048576"), "a.db");

        assertEquals("-1111", result.get("app.cache_size"), result::toString);
        assertEquals("1048576", result.get("app.journal_size_limit"), result::toString);
        assertEquals(1, result.agentLinesContaining("started (premain): cache_size=-1111 (agent argument),"
                + " journal_size_limit=1048576 (agent argument) and 32 more at their defaults").size(), result::toString);
    }

    @Test
    void theStartLineListsEverySettingAtDebug() throws Exception {
        AppResult result = run(AppJvm.withAgent().agentArguments("log.level=debug"), "d.db");

        assertEquals(1, result.agentLinesContaining("started (premain): enabled=true (default), override=false (default),"
                + " strict=false (default), log.level=debug (agent argument)").size(), result::toString);
        assertEquals(1, result.agentLinesContaining(", journal_mode=WAL (default),").size(), result::toString);
    }

    @Test
    void systemProperty() throws Exception {
        AppResult result = run(AppJvm.withAgent().jvmOption("-Dsqlite.agent.cache_size=-2222"), "p.db");

        assertEquals("-2222", result.get("app.cache_size"), result::toString);
        assertEquals(1, result.agentLinesContaining("cache_size=-2222 (-Dsqlite.agent.cache_size)").size(), result::toString);
    }

    @Test
    void environmentVariable() throws Exception {
        AppResult result = run(AppJvm.withAgent().env("SQLITE_AGENT_CACHE_SIZE", "-3333")
                .env("SQLITE_AGENT_JOURNAL_SIZE_LIMIT", "2097152"), "e.db");

        assertEquals("-3333", result.get("app.cache_size"), result::toString);
        assertEquals("2097152", result.get("app.journal_size_limit"), result::toString);
    }

    @Test
    void configFile() throws Exception {
        Path file = file("# the operator's settings\ncache_size=-4444\nforeign_keys=keep\n");

        AppResult result = run(AppJvm.withAgent().agentArguments("config=" + file), "f.db");

        assertEquals("-4444", result.get("app.cache_size"), result::toString);
        assertEquals("0", result.get("app.foreign_keys"), "keep leaves the driver's default: " + result);
        assertEquals(1, result.agentLinesContaining("cache_size=-4444 (file " + file + ")").size(), result::toString);
    }

    @Test
    void precedenceIsArgumentPropertyEnvironmentFile() throws Exception {
        Path file = file("cache_size=-4444\nsynchronous=OFF\ntemp_store=FILE\nbusy_timeout=1234\n");
        AppJvm all = AppJvm.withAgent().agentArguments("cache_size=-1111")
                .jvmOption("-Dsqlite.agent.cache_size=-2222").jvmOption("-Dsqlite.agent.synchronous=FULL")
                .jvmOption("-Dsqlite.agent.config=" + file)
                .env("SQLITE_AGENT_CACHE_SIZE", "-3333").env("SQLITE_AGENT_SYNCHRONOUS", "EXTRA")
                .env("SQLITE_AGENT_TEMP_STORE", "DEFAULT");

        AppResult result = run(all, "all.db");

        assertEquals("-1111", result.get("app.cache_size"), result::toString);
        assertEquals("2", result.get("app.synchronous"), "FULL from -D beats EXTRA from the environment: " + result);
        assertEquals("0", result.get("app.temp_store"), "DEFAULT from the environment beats FILE from the file");
        assertEquals("1234", result.get("app.busy_timeout"), "only the file sets it");
        assertEquals("wal", result.get("app.journal_mode"), "nobody sets it: default");
    }
}
