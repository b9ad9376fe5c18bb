package io.github.sqlitepragmaagent.statements;

import java.util.Map;

/**
 * One transaction the agent recognised, when it began, as a schema migration and runs with foreign
 * keys off: why, its first write, and the foreign key violations that were there before that write.
 */
final class Migration {

    /** Why the transaction is taken for a migration, for the log. */
    final String reason;
    /**
     * The violations {@code foreign_key_check} found just before the migration's first write (keyed
     * {@code child->parent}); null until it writes. A migration that only reads is not checked at all.
     */
    volatile Map<String, ForeignKeyCheck.Violations> before;
    /** The migration's first statement that may write (what names the migration in the log); null until then. */
    volatile String firstWrite;

    Migration(String reason) {
        this.reason = reason;
    }
}
