package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.DatabaseRule;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.config.TransactionMode;
import io.github.sqlitepragmaagent.support.MountTable;
import io.github.sqlitepragmaagent.support.ReadOnlyReaders;
import java.io.File;
import java.util.List;

/**
 * What the configuration means for one database: the rule that matched it (if any), the pragmas and
 * the transaction mode that follow, and the network filesystem it lives on (if any). Worked out once
 * per database.
 */
public final class DatabaseSettings {

    private final DatabaseRule rule;
    private final List<PragmaSetting> pragmas;
    private final TransactionMode transactionMode;
    private final MountTable.Mount networkMount;
    private final String readOnlyReaders;

    DatabaseSettings(DatabaseRule rule, List<PragmaSetting> pragmas, TransactionMode transactionMode,
            MountTable.Mount networkMount, String readOnlyReaders) {
        this.rule = rule;
        this.pragmas = pragmas;
        this.transactionMode = transactionMode;
        this.networkMount = networkMount;
        this.readOnlyReaders = readOnlyReaders;
    }

    /** The settings of a database at {@code request}, reading the mount table only for files. */
    public static DatabaseSettings of(AgentConfig config, OpenRequest request, MountTable mounts) {
        if (request.kind() != OpenRequest.Kind.FILE) {
            return new DatabaseSettings(null, config.pragmas(), config.transactionMode(), null, null);
        }
        DatabaseRule rule = config.ruleFor(request.database());
        MountTable.Mount mount = mounts.mountOf(request.database());
        TransactionMode mode = rule != null && rule.transactionMode() != null ? rule.transactionMode() : config.transactionMode();
        // Looked at once, on the database's first connection: a file created by it has nobody reading it yet.
        String readers = config.keepJournalForReadOnlyReaders()
                ? ReadOnlyReaders.lockedOutByWal(new File(request.database()))
                : null;
        return new DatabaseSettings(rule, config.pragmasFor(rule), mode, mount != null && mount.isNetwork() ? mount : null,
                readers);
    }

    /**
     * Who ({@code group}, {@code others}, {@code group and others}) can read the file but not write its
     * directory, when {@code wal.readonly.readers=keep} keeps its journal mode for them; null otherwise.
     */
    public String readOnlyReaders() {
        return readOnlyReaders;
    }

    /** The rule that matched, or null. */
    public DatabaseRule rule() {
        return rule;
    }

    /** True when a rule says to leave this database entirely alone. */
    public boolean excluded() {
        return rule != null && rule.exclude();
    }

    public List<PragmaSetting> pragmas() {
        return pragmas;
    }

    /** The configured BEGIN mode (the rule's own first, then the global one), or null to keep the driver's. */
    public TransactionMode transactionMode() {
        return transactionMode;
    }

    /** The network filesystem holding the database, or null when it is local (or unknown). */
    public MountTable.Mount networkMount() {
        return networkMount;
    }
}
