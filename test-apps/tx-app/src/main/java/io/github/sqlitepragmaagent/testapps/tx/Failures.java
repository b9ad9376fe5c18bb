package io.github.sqlitepragmaagent.testapps.tx;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests that failed, counted by kind: the SQLite result code where SQLite refused (found
 * under Spring's and Hibernate's wrappers), the exception class otherwise, and the first line of
 * each distinct message, as an operator would group a log.
 */
final class Failures {

    /** SQLite's primary result codes for "database is locked" ({@code SQLITE_BUSY}) and "table is locked". */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byMessage = new ConcurrentHashMap<>();
    private final LongAdder locked = new LongAdder();
    private final LongAdder all = new LongAdder();

    /** Counts {@code failure}; returns whether SQLite refused it with BUSY or LOCKED. */
    boolean count(Throwable failure) {
        all.increment();
        SQLException sql = deepestSqlException(failure);
        String kind = failure.getClass().getSimpleName();
        boolean lock = false;
        if (sql != null) {
            kind = sql instanceof org.sqlite.SQLiteException s ? s.getResultCode().name() : "SQLState-" + sql.getSQLState();
            int primary = sql.getErrorCode() & 0xff;
            lock = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
        }
        if (lock) {
            locked.increment();
        }
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        Throwable shown = sql != null ? sql : failure;
        byMessage.computeIfAbsent(shown.getClass().getSimpleName() + ": " + firstLine(shown.getMessage()),
                k -> new LongAdder()).increment();
        return lock;
    }

    long all() {
        return all.sum();
    }

    long locked() {
        return locked.sum();
    }

    Map<String, Long> byKind() {
        return sorted(byKind);
    }

    Map<String, Long> byMessage() {
        return sorted(byMessage);
    }

    static SQLException deepestSqlException(Throwable failure) {
        SQLException deepest = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                deepest = s;
            }
        }
        return deepest;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
