package io.github.sqlitepragmaagent.statements;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Per database, the transactions the agent began IMMEDIATE that committed without writing: every statement
 * in them was a plain {@code SELECT}. Each held the write lock for nothing, making every writer wait;
 * marking it read-only ({@code setReadOnly(true)}, Spring's {@code readOnly = true}) makes it begin DEFERRED.
 *
 * <p>"Without writing" is judged by the statements' first word only, which costs one character compare
 * per statement and errs on the side of not counting: a {@code WITH} query, a pragma or a batch counts as
 * a possible write. A database gets an entry at its first such commit only.
 */
public final class ReadOnlyImmediates {

    private final ConcurrentMap<String, AtomicLong> byDatabase = new ConcurrentHashMap<String, AtomicLong>();
    private final Logger log;

    ReadOnlyImmediates(Logger log) {
        this.log = log;
    }

    /** Counts one such commit of {@code session}; the first of a database is named once, with its first statement. */
    void committed(Session session) {
        AtomicLong count = byDatabase.get(session.database);
        if (count == null) {
            AtomicLong created = new AtomicLong();
            count = byDatabase.putIfAbsent(session.database, created);
            if (count == null) {
                count = created;
            }
        }
        if (count.incrementAndGet() == 1) {
            log.info("db={} a transaction began IMMEDIATE (the agent's default for read-write transactions) committed"
                    + " without writing: it held the write lock for nothing, and writers waited. Its first statement: {}"
                    + " (thread '{}'). Marking read-only transactions read-only (Spring @Transactional(readOnly = true),"
                    + " Connection.setReadOnly(true)) makes them begin DEFERRED. Counted as ReadOnlyImmediateCommits over"
                    + " JMX and readonly_immediate= in the audit lines", session.database,
                    WriteLockHolders.shorten(session.firstStatement), Thread.currentThread().getName());
        }
    }

    /** Such commits on {@code database} so far. */
    public long of(String database) {
        AtomicLong count = byDatabase.get(database);
        return count == null ? 0 : count.get();
    }
}
