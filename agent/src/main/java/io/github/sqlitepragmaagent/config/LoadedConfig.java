package io.github.sqlitepragmaagent.config;

import java.util.Collections;
import java.util.List;

/**
 * The outcome of loading: a configuration and the problems found in it.
 *
 * <p>With any problem the agent applies nothing; the configuration is still returned so that the
 * parts that did parse ({@code strict}, {@code log.level}) can decide how loudly to refuse.
 */
public final class LoadedConfig {

    private final AgentConfig config;
    private final List<ConfigProblem> problems;

    LoadedConfig(AgentConfig config, List<ConfigProblem> problems) {
        this.config = config;
        this.problems = Collections.unmodifiableList(problems);
    }

    public AgentConfig config() {
        return config;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
