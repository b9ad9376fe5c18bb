package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The validated, effective configuration: immutable, every value with the place it came from. */
public final class AgentConfig {

    /** The value that leaves a pragma untouched, default or not. */
    public static final String KEEP_WORD = "keep";

    private final Map<ConfigOption<?>, Object> options;
    private final List<PragmaSetting> pragmas;
    private final List<DatabaseRule> rules;
    private final Map<String, SourcedValue> effective;

    /** {@code options} holds, for each option, the value its own {@link ConfigOption#parse} returned. */
    AgentConfig(Map<ConfigOption<?>, Object> options, List<PragmaSetting> pragmas, List<DatabaseRule> rules,
            Map<String, SourcedValue> effective) {
        this.options = options;
        this.pragmas = Collections.unmodifiableList(pragmas);
        this.rules = Collections.unmodifiableList(rules);
        this.effective = Collections.unmodifiableMap(effective);
    }

    /** The value of {@code option}, or null when it is not set and has no default. */
    @SuppressWarnings("unchecked") // safe: only ConfigLoader fills the map, with option.parse(...) of the same option
    <T> T value(ConfigOption<T> option) {
        return (T) options.get(option);
    }

    public boolean enabled() {
        return value(AgentOptions.ENABLED);
    }

    /** True when the agent's values replace pragmas the app set itself. */
    public boolean override() {
        return value(AgentOptions.OVERRIDE);
    }

    public boolean strict() {
        return value(AgentOptions.STRICT);
    }

    public LogLevel logLevel() {
        return value(AgentOptions.LOG_LEVEL);
    }

    public boolean auditEnabled() {
        return value(AgentOptions.AUDIT_ENABLED);
    }

    /** Milliseconds between a database's first connection and its first audit. */
    public long auditDelayMillis() {
        return value(AgentOptions.AUDIT_DELAY);
    }

    /** Milliseconds without a change to a database's files before its first audit starts; 0 when it starts at once. */
    public long auditQuietMillis() {
        return value(AgentOptions.AUDIT_QUIET);
    }

    /** Milliseconds between size audits; 0 when periodic size audits are off. */
    public long auditIntervalMillis() {
        return value(AgentOptions.AUDIT_INTERVAL);
    }

    public AuditIntegrity auditIntegrity() {
        return value(AgentOptions.AUDIT_INTEGRITY);
    }

    /** Milliseconds between integrity audits; 0 when periodic integrity audits are off. */
    public long auditIntegrityIntervalMillis() {
        return value(AgentOptions.AUDIT_INTEGRITY_INTERVAL);
    }

    public long auditIntegrityTimeoutMillis() {
        return value(AgentOptions.AUDIT_INTEGRITY_TIMEOUT);
    }

    public long auditWalWarnBytes() {
        return value(AgentOptions.AUDIT_WAL_WARN);
    }

    /** Bytes above which a database file is warned about; 0 when not set. */
    public long auditSizeWarnBytes() {
        Long bytes = value(AgentOptions.AUDIT_SIZE_WARN);
        return bytes == null ? 0 : bytes;
    }

    /** The JSON-lines file audits are appended to, or null. */
    public String auditLogFile() {
        return value(AgentOptions.AUDIT_LOG_FILE);
    }

    /** Databases kept under periodic audit (and in JMX) at once. */
    public int auditMaxDatabases() {
        return value(AgentOptions.AUDIT_MAX_DATABASES).intValue();
    }

    /** First audits that may wait at once. */
    public int auditMaxPending() {
        return value(AgentOptions.AUDIT_MAX_PENDING).intValue();
    }

    /** Milliseconds without an open connection after which a database is forgotten; 0 for never. */
    public long auditIdleForgetMillis() {
        return value(AgentOptions.AUDIT_IDLE_FORGET);
    }

    /** Milliseconds without a write after which a WAL database is checkpointed; 0 when idle checkpoints are off. */
    public long checkpointIdleMillis() {
        return value(AgentOptions.CHECKPOINT_IDLE);
    }

    /** Bytes a WAL may grow by between two looks before the agent checkpoints it without waiting for the app to idle. */
    public long checkpointBurstBytes() {
        return value(AgentOptions.CHECKPOINT_BURST);
    }

    /** Free bytes on a WAL database's filesystem below which the agent checkpoints before each transaction; 0 when off. */
    public long checkpointLowSpaceBytes() {
        return checkpointIdleMillis() == 0 ? 0 : value(AgentOptions.CHECKPOINT_LOW_SPACE);
    }

    /** Bytes from which a WAL that checkpoints cannot move is warned about as pinned. */
    public long walPinnedBytes() {
        return value(AgentOptions.WAL_PINNED_SIZE);
    }

    /** Percent of the database file's size from which a WAL that checkpoints cannot move is warned about as pinned. */
    public long walPinnedPercent() {
        return value(AgentOptions.WAL_PINNED_PERCENT);
    }

    /** True when a database that read-only readers could no longer read in WAL keeps its journal mode. */
    public boolean keepJournalForReadOnlyReaders() {
        return value(AgentOptions.WAL_READONLY_READERS) == ReadOnlyReadersPolicy.KEEP;
    }

    /**
     * The directory backups of the database at {@code absolutePath} go to, or null when it is not backed
     * up: its rule's {@code backup.dir}, else the global one.
     */
    public String backupDir(String absolutePath) {
        String dir = forDatabase(AgentOptions.BACKUP_DIR, absolutePath);
        return dir == null || dir.equalsIgnoreCase("off") ? null : dir;
    }

    /** Milliseconds between backups of the database at {@code absolutePath}. */
    public long backupIntervalMillis(String absolutePath) {
        return forDatabase(AgentOptions.BACKUP_INTERVAL, absolutePath);
    }

    /** How many verified backups of the database at {@code absolutePath} are kept. */
    public int backupKeep(String absolutePath) {
        return forDatabase(AgentOptions.BACKUP_KEEP, absolutePath).intValue();
    }

    /** The value of an in-rules key for one database: its rule's own, else the global one. */
    private <T> T forDatabase(ConfigOption<T> option, String absolutePath) {
        DatabaseRule rule = ruleFor(absolutePath);
        T own = rule == null ? null : rule.option(option);
        return own != null ? own : value(option);
    }

    /** The pragmas to apply, in apply order; those left untouched ({@code keep}) are absent. */
    public List<PragmaSetting> pragmas() {
        return pragmas;
    }

    /** True when a database on a network filesystem may be switched to WAL anyway. */
    public boolean walOnNetworkFilesystems() {
        return value(AgentOptions.WAL_NETWORK) == WalNetwork.ALLOW;
    }

    /**
     * The BEGIN mode of read-write transactions on connections whose app did not choose one (IMMEDIATE
     * unless configured). A rule's own mode, {@link DatabaseRule#transactionMode()}, comes first.
     */
    public TransactionMode transactionMode() {
        return value(AgentOptions.TRANSACTION_MODE);
    }

    /** How long a begin may wait for a write lock held in this JVM before the holder is named; 0 for never. */
    public long lockWaitReportMillis() {
        return value(AgentOptions.LOCK_WAIT_REPORT);
    }

    /** True when the read-write transactions of this JVM take turns at each database ({@code writers.queue}). */
    public boolean writersQueue() {
        return value(AgentOptions.WRITERS_QUEUE);
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
        List<PragmaSetting> merged = new ArrayList<PragmaSetting>();
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

    /**
     * One line for the start-up log: {@code key=value (origin)} for every setting some source set,
     * then how many others stay at their defaults; at {@code log.level=debug} every setting.
     */
    public String describe() {
        boolean everything = logLevel().showsDebug();
        StringBuilder out = new StringBuilder();
        int atDefault = 0;
        for (SourcedValue value : effective.values()) {
            if (!everything && value.source() == ConfigSource.DEFAULT) {
                atDefault++;
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(value.key()).append('=').append(Text.clean(value.value())).append(" (").append(value.origin()).append(')');
        }
        if (atDefault > 0) {
            out.append(out.length() > 0 ? " and " + atDefault + " more" : "all " + atDefault + " settings")
                    .append(" at their defaults (log.level=debug lists them)");
        }
        return out.toString();
    }
}
