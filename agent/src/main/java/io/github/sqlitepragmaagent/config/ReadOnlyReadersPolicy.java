package io.github.sqlitepragmaagent.config;

/** What to do with a database that users who cannot write its directory read ({@code wal.readonly.readers}). */
public enum ReadOnlyReadersPolicy {
    /** Leave its journal mode as it is: those readers keep working as they did without the agent. */
    KEEP,
    /** Switch it to WAL anyway (they lose access whenever no writer has it open), and warn. */
    SWITCH
}
