package io.github.sqlitepragmaagent.config;

/**
 * The {@code BEGIN} mode of transactions ({@code transaction_mode}), spelled as SQLite and
 * sqlite-jdbc spell it.
 */
public enum TransactionMode {
    /** Locks nothing until the first read or write: the driver's default. */
    DEFERRED,
    /** Takes the write lock at BEGIN, so a transaction that reads then writes never fails at its first write. */
    IMMEDIATE,
    /** Takes the write lock at BEGIN and, outside WAL, keeps readers out too. */
    EXCLUSIVE
}
