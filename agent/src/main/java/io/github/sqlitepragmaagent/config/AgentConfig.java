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
    private final List<DatabaseRule> rules;
    private final Map<String, SourcedValue> effective;

    AgentConfig(Map<AgentOption, Object> options, List<PragmaSetting> pragmas, List<DatabaseRule> rules,
            Map<String, SourcedValue> effective) {
        this.options = options;
        this.pragmas = Collections.unmodifiableList(pragmas);
        this.rules = Collections.unmodifiableList(rules);
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

    public boolean auditEnabled() {
        return (Boolean) options.get(AgentOption.AUDIT_ENABLED);
    }

    /** Milliseconds between a database's first connection and its first audit. */
    public long auditDelayMillis() {
        return (Long) options.get(AgentOption.AUDIT_DELAY);
    }

    /** Milliseconds between size audits; 0 when periodic size audits are off. */
    public long auditIntervalMillis() {
        return (Long) options.get(AgentOption.AUDIT_INTERVAL);
    }

    /** {@code quick}, {@code full} or {@code off}. */
    public String auditIntegrity() {
        return (String) options.get(AgentOption.AUDIT_INTEGRITY);
    }

    /** Milliseconds between integrity audits; 0 when periodic integrity audits are off. */
    public long auditIntegrityIntervalMillis() {
        return (Long) options.get(AgentOption.AUDIT_INTEGRITY_INTERVAL);
    }

    public long auditIntegrityTimeoutMillis() {
        return (Long) options.get(AgentOption.AUDIT_INTEGRITY_TIMEOUT);
    }

    public long auditWalWarnBytes() {
        return (Long) options.get(AgentOption.AUDIT_WAL_WARN);
    }

    /** Bytes above which a database file is warned about; 0 when not set. */
    public long auditSizeWarnBytes() {
        Long bytes = (Long) options.get(AgentOption.AUDIT_SIZE_WARN);
        return bytes == null ? 0 : bytes;
    }

    /** The JSON-lines file audits are appended to, or null. */
    public String auditLogFile() {
        return (String) options.get(AgentOption.AUDIT_LOG_FILE);
    }

    /** Databases kept under periodic audit (and in JMX) at once. */
    public int auditMaxDatabases() {
        return ((Long) options.get(AgentOption.AUDIT_MAX_DATABASES)).intValue();
    }

    /** First audits that may wait at once. */
    public int auditMaxPending() {
        return ((Long) options.get(AgentOption.AUDIT_MAX_PENDING)).intValue();
    }

    /** The pragmas to apply, in apply order; those left untouched ({@code keep}) are absent. */
    public List<PragmaSetting> pragmas() {
        return pragmas;
    }

    /** True when a database on a network filesystem may be switched to WAL anyway. */
    public boolean walOnNetworkFilesystems() {
        return "allow".equals(options.get(AgentOption.WAL_NETWORK));
    }

    /** The per-database rules, in the order they are tried. */
    public List<DatabaseRule> rules() {
        return rules;
    }

    /** The first rule whose glob matches {@code absolutePath}, or null. */
    public DatabaseRule ruleFor(String absolutePath) {
        for (DatabaseRule rule : rules) {
            if (rule.matches(absolutePath)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The pragmas for databases under {@code rule} (null: no rule): the global ones, with the rule's
     * values in their place, the rule's {@code keep}s removed and its additions in catalog order.
     */
    public List<PragmaSetting> pragmasFor(DatabaseRule rule) {
        if (rule == null || rule.pragmas().isEmpty()) {
            return pragmas;
        }
        List<PragmaSetting> merged = new java.util.ArrayList<PragmaSetting>();
        for (PragmaSpec spec : PragmaCatalog.all()) {
            if (rule.pragmas().containsKey(spec.name())) {
                PragmaSetting own = rule.pragmas().get(spec.name());
                if (own != null) {
                    merged.add(own);
                }
                continue;
            }
            for (PragmaSetting global : pragmas) {
                if (global.spec() == spec) {
                    merged.add(global);
                }
            }
        }
        return merged;
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
            out.append(value.key()).append('=').append(Text.clean(value.value())).append(" (").append(value.origin()).append(')');
        }
        return out.toString();
    }
}
