package io.github.sqlitepragmaagent.hooks;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.DatabaseRule;
import io.github.sqlitepragmaagent.config.TransactionMode;
import java.util.Locale;

/**
 * The begin statement that the configured {@code transaction_mode} asks for: the matching rule's own
 * mode first, then the global one; null when neither is set (the driver's begin stays).
 */
public final class ConfiguredTransactionModes implements Sessions.TransactionModes {

    private final AgentConfig config;

    public ConfiguredTransactionModes(AgentConfig config) {
        this.config = config;
    }

    @Override
    public String beginFor(DatabaseRule rule) {
        TransactionMode mode = rule != null && rule.transactionMode() != null ? rule.transactionMode() : config.transactionMode();
        // Spelled as sqlite-jdbc spells its own begin, so a log or trace shows the same statement.
        return mode == null ? null : "begin " + mode.name().toLowerCase(Locale.ROOT) + ";";
    }
}
