package io.github.sqlitepragmaagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of loading: a configuration and what is wrong with it.
 *
 * <p>With any invalid value the agent applies nothing; the configuration is still returned so that
 * the parts that did parse ({@code strict}, {@code log.level}) can decide how loudly to refuse. Unknown
 * keys are only warned about and ignored, unless {@code strict=true}.
 */
public final class LoadedConfig {

    /** The most problem lines the agent logs; the rest are counted in one more line. */
    public static final int MAX_SHOWN = 20;

    private final AgentConfig config;
    private final List<ConfigProblem> all;
    private final List<ConfigProblem> problems;
    private final List<ConfigProblem> unknownKeys;

    LoadedConfig(AgentConfig config, List<ConfigProblem> found) {
        this.config = config;
        List<ConfigProblem> invalid = new ArrayList<ConfigProblem>();
        List<ConfigProblem> unknown = new ArrayList<ConfigProblem>();
        for (ConfigProblem problem : found) {
            (problem.unknownKey() ? unknown : invalid).add(problem);
        }
        List<ConfigProblem> ordered = new ArrayList<ConfigProblem>(invalid);
        ordered.addAll(unknown);
        this.all = Collections.unmodifiableList(ordered);
        this.problems = Collections.unmodifiableList(invalid);
        this.unknownKeys = Collections.unmodifiableList(unknown);
    }

    public AgentConfig config() {
        return config;
    }

    /** What makes the configuration invalid (a value a key does not accept, an unreadable file...). */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Keys the agent does not know; they are ignored. */
    public List<ConfigProblem> unknownKeys() {
        return unknownKeys;
    }

    /** The problems, then the unknown keys. */
    public List<ConfigProblem> all() {
        return all;
    }

    /** True when every value is valid: the agent applies the configuration (unknown keys ignored). */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** True when {@code strict=true} refuses this configuration: anything invalid or unknown. */
    public boolean refusedByStrict() {
        return config.strict() && !all.isEmpty();
    }

    /** The line that stands for the problems beyond the first {@link #MAX_SHOWN}, or null when there are none. */
    public String notShown() {
        int more = all.size() - MAX_SHOWN;
        return more <= 0 ? null
                : "and " + more + " more configuration problem(s) not shown"
                        + " (java -jar sqlite-pragma-agent.jar config lists them all)";
    }
}
