package io.github.sqlitepragmaagent.entry;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.AgentOptions;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.instrument.Installer;
import io.github.sqlitepragmaagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.List;
import org.slf4j.Logger;

/** Reads the configuration, refuses it loudly or installs the agent, and says which in one line. */
final class AgentStartup {

    private AgentStartup() {}

    static void start(String arguments, Instrumentation instrumentation, boolean attached) throws Exception {
        LoadedConfig loaded = ConfigLoader.load(arguments);
        AgentConfig config = loaded.config();
        AgentLog.configure(config.logLevel().word());
        Logger log = AgentLog.get();

        boolean stop = loaded.refusedByStrict() && !attached;
        report(loaded, log, stop);
        if (stop) {
            System.exit(AgentOptions.STRICT_EXIT_STATUS);
        }
        if (!loaded.valid()) {
            return;
        }
        if (!config.enabled()) {
            log.info("disabled by {}: nothing installed", config.effective().get(AgentOptions.ENABLED.key()));
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

    /**
     * One line per problem, at most {@link LoadedConfig#MAX_SHOWN}, then one line counting the rest:
     * an unknown key is a warning and ignored, unless strict=true stops the JVM for it; an invalid
     * value is an error and the agent applies nothing.
     */
    private static void report(LoadedConfig loaded, Logger log, boolean stop) {
        String consequence = stop
                ? "stopping the JVM (strict=true, exit status " + AgentOptions.STRICT_EXIT_STATUS + ")"
                : "the agent applies nothing";
        List<ConfigProblem> all = loaded.all();
        for (int i = 0; i < all.size() && i < LoadedConfig.MAX_SHOWN; i++) {
            ConfigProblem problem = all.get(i);
            if (problem.unknownKey() && !stop) {
                log.warn("ignoring {}", problem.message());
            } else {
                log.error("invalid configuration, {}: {}", consequence, problem.message());
            }
        }
        String rest = loaded.notShown();
        if (rest != null && (stop || !loaded.valid())) {
            log.error("invalid configuration, {}: {}", consequence, rest);
        } else if (rest != null) {
            log.warn(rest);
        }
    }
}
