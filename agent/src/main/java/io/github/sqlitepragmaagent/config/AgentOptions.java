package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.config.ConfigOption.Scope;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The agent's own keys: everything that is not a pragma, in the order the reference lists them. Each
 * key is declared once, typed, with its default and its description: loading, error messages, the
 * {@code config} command and the README's reference all come from here, so a new key goes here only.
 */
public final class AgentOptions {

    /** The exit status of a JVM stopped by {@code strict=true}: EX_CONFIG from sysexits.h. */
    public static final int STRICT_EXIT_STATUS = 78;

    public static final ConfigOption<Boolean> ENABLED = global("enabled", Parsers.BOOLEAN, "true",
            "`false` turns the agent off: nothing is installed or changed");
    public static final ConfigOption<Boolean> OVERRIDE = global("override", Parsers.BOOLEAN, "false",
            "by default a pragma the app sets itself in its JDBC URL or Properties keeps the app's value (said once"
                    + " at info level) and the agent applies the others; `true` makes the agent's values win");
    public static final ConfigOption<Boolean> STRICT = global("strict", Parsers.BOOLEAN, "false",
            "`true` makes an invalid value or an unknown key stop the JVM before the app's `main` runs, with exit"
                    + " status 78 (EX_CONFIG); ignored on dynamic attach, which never stops a running app");
    public static final ConfigOption<LogLevel> LOG_LEVEL = global("log.level",
            Parsers.choice(LogLevel.values(), false), "info",
            "the agent's own log level on stderr (`off` also silences configuration errors); `debug` lists every"
                    + " setting in the start line, not only those that differ from the defaults");
    public static final ConfigOption<String> CONFIG = global("config", Parsers.PATH, null,
            "a properties file with more settings (a regular file of at most 1 MiB; it cannot name another)");
    public static final ConfigOption<WalNetwork> WAL_NETWORK = global("wal.network",
            Parsers.choice(WalNetwork.values(), false), "refuse",
            "`refuse` leaves a database on a network filesystem out of WAL (it needs shared memory); `allow`"
                    + " switches anyway (see Network filesystems)");
    public static final ConfigOption<TransactionMode> TRANSACTION_MODE = new ConfigOption<TransactionMode>(
            "transaction_mode", Parsers.choice(TransactionMode.values(), true), "IMMEDIATE",
            "the BEGIN mode of read-write transactions on connections the app did not give a transaction_mode"
                    + " itself (transactions of connections marked read-only always begin `DEFERRED`); `IMMEDIATE`"
                    + " takes the write lock at the transaction's first statement, where busy_timeout waits, so a"
                    + " transaction that reads then writes cannot fail half-way with 'database is locked'; `DEFERRED`"
                    + " is the driver's own begin",
            Scope.GLOBAL_AND_RULES);
    public static final ConfigOption<Long> LOCK_WAIT_REPORT = global("lock.wait.report", Parsers.duration(0, true), "2s",
            "a transaction of the app that has waited this long to begin for the write lock held by another transaction of"
                    + " the same JVM makes the agent name that holder (thread, time held, first statement, the app's frames of"
                    + " its stack), once per holding transaction, as a lock error does at once; `off` leaves it to the lock"
                    + " errors (see Transactions and \"database is locked\")");
    public static final ConfigOption<Boolean> WRITERS_QUEUE = global("writers.queue", Parsers.BOOLEAN, "false",
            "`true` makes the read-write transactions of this JVM take turns at each database file: a transaction the"
                    + " agent begins IMMEDIATE first waits in a first-come, first-served line of this JVM's connections and is"
                    + " woken by the commit or rollback before it, instead of polling for the write lock in SQLite's busy"
                    + " handler (sleeps of 1 to 100 ms); the wait in line is bounded by the connection's busy timeout, then the"
                    + " begin goes to SQLite as without the line (see Transactions and \"database is locked\")");
    public static final ConfigOption<Boolean> AUDIT_ENABLED = global("audit.enabled", Parsers.BOOLEAN, "true",
            "`false` turns every audit off (JMX still shows the counters)");
    public static final ConfigOption<Long> AUDIT_DELAY = global("audit.delay", Parsers.duration(0, false), "1s",
            "wait after a database's first connection before its first audit, to stay out of the app's start-up");
    public static final ConfigOption<Long> AUDIT_QUIET = global("audit.quiet", Parsers.duration(10, true), "250ms",
            "after `audit.delay`, a first audit waits until neither the database file nor its `-wal` has changed for this"
                    + " long (a `stat` of each, every half of it), at most one minute, so that its integrity check does not"
                    + " hold a read snapshot while the app writes; `off` starts it at `audit.delay`");
    public static final ConfigOption<Long> AUDIT_INTERVAL = global("audit.interval", Parsers.duration(1000, true), "1h",
            "how often file, WAL and freelist sizes are audited");
    public static final ConfigOption<AuditIntegrity> AUDIT_INTEGRITY = global("audit.integrity",
            Parsers.choice(AuditIntegrity.values(), false), "quick",
            "`quick` runs `PRAGMA quick_check`, `full` runs `PRAGMA integrity_check`, `off` runs neither (no"
                    + " integrity or foreign-key check, no `integrity` field)");
    public static final ConfigOption<Long> AUDIT_INTEGRITY_INTERVAL = global("audit.integrity.interval",
            Parsers.duration(1000, true), "24h", "how often integrity and foreign keys are audited after the first audit");
    public static final ConfigOption<Long> AUDIT_INTEGRITY_TIMEOUT = global("audit.integrity.timeout",
            Parsers.duration(0, false), "30s", "longest an integrity or foreign-key check may run before it is interrupted");
    public static final ConfigOption<Long> AUDIT_WAL_WARN = global("audit.wal.warn", Parsers.SIZE, "64MiB",
            "a `-wal` file larger than this is warned about");
    public static final ConfigOption<Long> AUDIT_SIZE_WARN = global("audit.size.warn", Parsers.SIZE, null,
            "a database file larger than this is warned about; no file-size warning when unset");
    public static final ConfigOption<String> AUDIT_LOG_FILE = global("audit.log.file", Parsers.PATH, null,
            "also append each audit as one JSON line (same fields, numbers as numbers) to this file");
    public static final ConfigOption<Long> AUDIT_MAX_DATABASES = global("audit.max.databases", Parsers.count(1), "1000",
            "databases kept under periodic audit, each with its JMX bean; past it the one opened longest ago is dropped"
                    + " (announced once); every database still gets its first audit");
    public static final ConfigOption<Long> AUDIT_MAX_PENDING = global("audit.max.pending", Parsers.count(1), "10000",
            "first audits waiting at once (databases opened within `audit.delay`, or faster than they are audited);"
                    + " past it the oldest waiting one is skipped (announced once)");

    public static final ConfigOption<Long> AUDIT_IDLE_FORGET = global("audit.idle.forget", Parsers.duration(1000, true), "24h",
            "a database the app has had no connection open to for this long leaves the periodic audits and JMX (its"
                    + " series stop); the app's next connection to it brings it back with a first audit; `off` keeps it");
    public static final ConfigOption<Long> CHECKPOINT_IDLE = global("checkpoint.idle", Parsers.duration(200, true), "5s",
            "a WAL database the app has stopped writing to is checkpointed from the agent's own connection at most this"
                    + " long after the last write (the `-wal` file's size and time, looked at every half of it, tell), so"
                    + " `app.db` alone holds every commit and the `-wal` is empty: PASSIVE first, TRUNCATE only when no"
                    + " reader or writer would have to wait; never for a database Litestream manages; `off` turns it off"
                    + " (see Backups and WAL files)");
    public static final ConfigOption<Long> CHECKPOINT_BURST = global("checkpoint.burst", Parsers.SIZE, "16MiB",
            "a WAL that grew by this much since the agent last looked (every half of `checkpoint.idle`) is checkpointed"
                    + " at once, while the app still writes, the same way as when idle (PASSIVE, then TRUNCATE only when"
                    + " nobody would wait): a large write burst does not leave a large WAL behind until the app pauses;"
                    + " off with `checkpoint.idle=off`");
    public static final ConfigOption<Long> CHECKPOINT_LOW_SPACE = global("checkpoint.low.space", Parsers.SIZE_OR_OFF, "16MiB",
            "while the filesystem of a WAL database has less free space than this (looked at every 100 ms at most, then at"
                    + " every transaction; once short, until twice as much is free): where WAL is the agent's own default,"
                    + " connections opened then are not switched to WAL and a database in WAL is switched to"
                    + " journal_mode=DELETE at the app's next transaction, as it is without the agent, so a disk that fills"
                    + " leaves no `-wal`; a WAL the app or the operator asked for stays, checkpointed before a transaction of the"
                    + " app whenever it holds more than an eighth of the free space (PASSIVE, then TRUNCATE only when nobody"
                    + " would wait), so at most its last commit stays in the `-wal`; off with `off` or `checkpoint.idle=off`");
    public static final ConfigOption<Long> WAL_PINNED_SIZE = global("wal.pinned.size", Parsers.SIZE, "64MiB",
            "a WAL at least this large (and at least `wal.pinned.percent` of the database file) that a checkpoint"
                    + " cannot move into the database because a reader still reads an older snapshot is warned about, once"
                    + " per episode, naming the reader: in this JVM the connection with the oldest open read (thread, how"
                    + " long, statement, app frames of its stack), otherwise another process; looked at with the"
                    + " agent's checkpoints, so `checkpoint.idle=off` turns it off too");
    public static final ConfigOption<Long> WAL_PINNED_PERCENT = global("wal.pinned.percent", Parsers.count(0), "100",
            "see `wal.pinned.size`: the pinned WAL must also be at least this percent of the database file's size");
    public static final ConfigOption<ReadOnlyReadersPolicy> WAL_READONLY_READERS = global("wal.readonly.readers",
            Parsers.choice(ReadOnlyReadersPolicy.values(), false), "keep",
            "a database file that group or others can read (through directories they can search) but whose directory"
                    + " they cannot write would lock them out in WAL (reading it needs a `-shm` they cannot create):"
                    + " `keep` leaves its journal mode as it is (said in the tuned line and once as a warning), `switch`"
                    + " switches it to WAL anyway and warns");

    public static final ConfigOption<String> BACKUP_DIR = new ConfigOption<String>("backup.dir", Parsers.PATH, null,
            "turns scheduled backups on: every `backup.interval` each database gets an online copy through SQLite's"
                    + " backup API in this directory (made if missing), checked with `integrity_check` on a fresh connection"
                    + " before it is renamed into place as `NAME.YYYYMMDD-HHMMSSmmm.backup`; a copy that fails the check is"
                    + " kept aside as `.failed` and logged at ERROR; unset or `off`: no backups (`rule.N.backup.dir=off` leaves a"
                    + " rule's databases out) (see Backups and WAL files)",
            Scope.GLOBAL_AND_RULES);
    public static final ConfigOption<Long> BACKUP_INTERVAL = new ConfigOption<Long>("backup.interval",
            Parsers.duration(1000, false), "24h", "how often each database is backed up when `backup.dir` is set",
            Scope.GLOBAL_AND_RULES);
    public static final ConfigOption<Long> BACKUP_KEEP = new ConfigOption<Long>("backup.keep", Parsers.count(1), "7",
            "the newest verified backups kept per database; older ones are deleted after each new one passed its check",
            Scope.GLOBAL_AND_RULES);

    private static final List<ConfigOption<?>> ALL = Collections.unmodifiableList(Arrays.<ConfigOption<?>>asList(
            ENABLED, OVERRIDE, STRICT, LOG_LEVEL, CONFIG, WAL_NETWORK, TRANSACTION_MODE, LOCK_WAIT_REPORT, WRITERS_QUEUE,
            AUDIT_ENABLED,
            AUDIT_DELAY, AUDIT_QUIET, AUDIT_INTERVAL, AUDIT_INTEGRITY, AUDIT_INTEGRITY_INTERVAL, AUDIT_INTEGRITY_TIMEOUT,
            AUDIT_WAL_WARN,
            AUDIT_SIZE_WARN, AUDIT_LOG_FILE, AUDIT_MAX_DATABASES, AUDIT_MAX_PENDING, AUDIT_IDLE_FORGET,
            CHECKPOINT_IDLE, CHECKPOINT_BURST, CHECKPOINT_LOW_SPACE, WAL_PINNED_SIZE, WAL_PINNED_PERCENT, WAL_READONLY_READERS,
            BACKUP_DIR, BACKUP_INTERVAL, BACKUP_KEEP));

    private AgentOptions() {}

    /** Every key of the agent's own, in reference order. */
    public static List<ConfigOption<?>> all() {
        return ALL;
    }

    /** The option whose key is {@code key}, or null. */
    static ConfigOption<?> byKey(String key) {
        for (ConfigOption<?> option : ALL) {
            if (option.key().equals(key)) {
                return option;
            }
        }
        return null;
    }

    private static <T> ConfigOption<T> global(String key, ValueParser<T> parser, String defaultText, String description) {
        return new ConfigOption<T>(key, parser, defaultText, description, Scope.GLOBAL);
    }
}
