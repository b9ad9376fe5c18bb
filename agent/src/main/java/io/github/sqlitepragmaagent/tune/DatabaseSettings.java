package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.DatabaseRule;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.support.MountTable;
import java.util.List;

/**
 * What the configuration means for one database: the rule that matched it (if any), the pragmas
 * that follow, and the network filesystem it lives on (if any). Worked out once per database.
 */
public final class DatabaseSettings {

    private final DatabaseRule rule;
    private final List<PragmaSetting> pragmas;
    private final MountTable.Mount networkMount;

    DatabaseSettings(DatabaseRule rule, List<PragmaSetting> pragmas, MountTable.Mount networkMount) {
        this.rule = rule;
        this.pragmas = pragmas;
        this.networkMount = networkMount;
    }

    /** The settings of a database at {@code request}, reading the mount table only for files. */
    public static DatabaseSettings of(AgentConfig config, OpenRequest request, MountTable mounts) {
        if (request.kind() != OpenRequest.Kind.FILE) {
            return new DatabaseSettings(null, config.pragmas(), null);
        }
        DatabaseRule rule = config.ruleFor(request.database());
        MountTable.Mount mount = mounts.mountOf(request.database());
        return new DatabaseSettings(rule, config.pragmasFor(rule), mount != null && mount.isNetwork() ? mount : null);
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

    /** The network filesystem holding the database, or null when it is local (or unknown). */
    public MountTable.Mount networkMount() {
        return networkMount;
    }
}
