package io.github.sqlitepragmaagent.config;

/** Whether a database on a network filesystem may be switched to WAL ({@code wal.network}). */
public enum WalNetwork {
    /** Leave it out of WAL: WAL needs shared memory, which network filesystems do not share between machines. */
    REFUSE,
    /** Switch anyway, for a network filesystem used by one machine only. */
    ALLOW
}
