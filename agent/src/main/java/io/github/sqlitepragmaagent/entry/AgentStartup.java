package io.github.sqlitepragmaagent.entry;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.AgentOption;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.instrument.Installer;
import io.github.sqlitepragmaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;

/** Reads the configuration, refuses it loudly or installs the agent, and says which in one line. */
final class AgentStartup {

    private AgentStartup() {}

    static void start(String arguments, Instrumentation instrumentation, boolean attached) throws Exception {
        LoadedConfig loaded = ConfigLoader.load(arguments);
        AgentConfig config = loaded.config();
        AgentLog.configure(config.logLevel());
        Logger log = AgentLog.get();

        if (!loaded.valid()) {
            refuse(loaded, log, attached);
            return;
        }
        if (!config.enabled()) {
            log.info("disabled by {}: nothing installed", config.effective().get(AgentOption.ENABLED.key()));
            return;
        }
        String alreadyLoaded = System.getProperty(AgentVersion.LOADED_PROPERTY);
        if (alreadyLoaded != null) {
            log.warn("already loaded in this JVM ({}); this second copy does nothing", alreadyLoaded);
            return;
        }

        AgentRuntime runtime = new AgentRuntime(config, log);
        if (!Installer.install(instrumentation, runtime, runtime, attached, log)) {
            log.warn("another copy of the agent is already registered in this JVM; this copy does nothing");
            return;
        }
        System.setProperty(AgentVersion.LOADED_PROPERTY, AgentVersion.describe());
        log.info("{} started ({}): {}", AgentVersion.describe(), attached ? "attached to a running JVM" : "premain", config.describe());
    }

    private static void refuse(LoadedConfig loaded, Logger log, boolean attached) {
        boolean stop = loaded.config().strict() && !attached;
        String consequence = stop
                ? "stopping the JVM (strict=true, exit status " + AgentOption.STRICT_EXIT_STATUS + ")"
                : "the agent applies nothing";
        for (ConfigProblem problem : loaded.problems()) {
            log.error("invalid configuration, {}: {}", consequence, problem.message());
        }
        if (stop) {
            System.exit(AgentOption.STRICT_EXIT_STATUS);
        }
    }
}
