package io.github.sqlitepragmaagent.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The validated, effective configuration: immutable, every value with the place it came from. */
public final class AgentConfig {

    /** The value that leaves a pragma untouched, default or not. */
    public static final String KEEP_WORD = "keep";

    private final Map<AgentOption, Object> options;
    private final List<PragmaSetting> pragmas;
    private final Map<String, SourcedValue> effective;

    AgentConfig(Map<AgentOption, Object> options, List<PragmaSetting> pragmas, Map<String, SourcedValue> effective) {
        this.options = options;
        this.pragmas = Collections.unmodifiableList(pragmas);
        this.effective = Collections.unmodifiableMap(effective);
    }

    public boolean enabled() {
        return (Boolean) options.get(AgentOption.ENABLED);
    }

    /** True when the agent's values replace pragmas the app set itself. */
    public boolean override() {
        return (Boolean) options.get(AgentOption.OVERRIDE);
    }

    public boolean strict() {
        return (Boolean) options.get(AgentOption.STRICT);
    }

    public String logLevel() {
        return (String) options.get(AgentOption.LOG_LEVEL);
    }

    /** The pragmas to apply, in apply order; those left untouched ({@code keep}) are absent. */
    public List<PragmaSetting> pragmas() {
        return pragmas;
    }

    /** Every setting with a value (defaults included), keyed by name, in a stable order. */
    public Map<String, SourcedValue> effective() {
        return effective;
    }

    /** One line for the start-up log: {@code key=value (origin)} for every setting in effect. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (SourcedValue value : effective.values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(value.key()).append('=').append(value.value()).append(" (").append(value.origin()).append(')');
        }
        return out.toString();
    }
}
