package io.github.sqlitepragmaagent.audit;

/** The agent's last backup of a database, as JMX shows it. */
final class BackupSnapshot {

    final long atMillis;
    /** {@code ok}, {@code failed} (the copy failed its check and is kept aside) or {@code error} (no copy was made). */
    final String result;
    final long bytes;
    final long tookMillis;

    BackupSnapshot(long atMillis, String result, long bytes, long tookMillis) {
        this.atMillis = atMillis;
        this.result = result;
        this.bytes = bytes;
        this.tookMillis = tookMillis;
    }
}
