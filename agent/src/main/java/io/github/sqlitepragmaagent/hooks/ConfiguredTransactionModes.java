package io.github.sqlitepragmaagent.hooks;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.DatabaseRule;

/** The begin statement that the configured {@code transaction_mode} (global or per rule) asks for. */
public final class ConfiguredTransactionModes implements Sessions.TransactionModes {

    private final AgentConfig config;

    public ConfiguredTransactionModes(AgentConfig config) {
        this.config = config;
    }

    @Override
    public String beginFor(DatabaseRule rule) {
        return null;
    }
}
