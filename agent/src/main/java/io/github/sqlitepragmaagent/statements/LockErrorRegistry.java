package io.github.sqlitepragmaagent.statements;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Lock errors per database and for the whole agent. A database gets an entry at its first lock
 * error only, so an app that opens thousands of quiet databases costs nothing here.
 */
public final class LockErrorRegistry {

    private final ConcurrentMap<String, LockErrors> byDatabase = new ConcurrentHashMap<String, LockErrors>();
    private final AtomicLong total = new AtomicLong();
    private final Logger log;
    private final ReadOnlyImmediates readOnlyImmediates;

    public LockErrorRegistry(Logger log) {
        this.log = log;
        this.readOnlyImmediates = new ReadOnlyImmediates(log);
    }

    /** IMMEDIATE transactions that committed without writing, per database: the write lock held for nothing. */
    public ReadOnlyImmediates readOnlyImmediates() {
        return readOnlyImmediates;
    }

    /** Counts one lock error that reaches the app; the first upgrade error of a database is explained once. */
    void record(String database, LockErrors.Kind kind) {
        LockErrors errors = byDatabase.get(database);
        if (errors == null) {
            LockErrors created = new LockErrors();
            errors = byDatabase.putIfAbsent(database, created);
            if (errors == null) {
                errors = created;
            }
        }
        errors.count(kind);
        total.incrementAndGet();
        if (kind == LockErrors.Kind.UPGRADE && errors.firstUpgrade()) {
            log.warn("db={} lock_error=upgrade: a transaction that read and then wrote failed with \"database is locked\""
                    + " at once, because another connection wrote meanwhile (SQLite cannot wait there without risking a"
                    + " deadlock, so busy_timeout does not help); transaction_mode=IMMEDIATE (the agent's default, unless"
                    + " transaction_mode=DEFERRED is set, the app chose its own mode, or the connection is marked read-only)"
                    + " prevents it by taking the write lock when such a transaction begins. Counted as LockErrors over JMX"
                    + " and lock_errors= in the audit lines", database);
        }
    }

    /** The database's lock errors, or null when it has had none. */
    public LockErrors of(String database) {
        return byDatabase.get(database);
    }

    /** Lock errors on every database since the agent started. */
    public long total() {
        return total.get();
    }
}
