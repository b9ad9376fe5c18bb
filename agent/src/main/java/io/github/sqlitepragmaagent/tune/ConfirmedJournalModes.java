package io.github.sqlitepragmaagent.tune;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The journal mode the agent last saw SQLite accept, per database, and when.
 *
 * <p>The journal mode is stored in the database file, so once a connection has switched it, the
 * next connections find it already set; re-running {@code PRAGMA journal_mode} on each of them costs
 * a statement per open for nothing. The agent re-asserts it when its confirmation is older than a
 * second, so a file switched back by someone else is caught within a second.
 */
final class ConfirmedJournalModes {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Past this many databases the memory starts over rather than grow without end. */
    private static final int MAX_ENTRIES = 10_000;

    private static final class Confirmation {
        final String mode;
        final long atNanos;

        Confirmation(String mode, long atNanos) {
            this.mode = mode;
            this.atNanos = atNanos;
        }
    }

    private final ConcurrentMap<String, Confirmation> byDatabase = new ConcurrentHashMap<String, Confirmation>();

    /** True when {@code mode} was confirmed for {@code database} less than a second ago. */
    boolean fresh(String database, String mode) {
        Confirmation confirmation = byDatabase.get(database);
        return confirmation != null && confirmation.mode.equals(mode) && System.nanoTime() - confirmation.atNanos < FRESH_NANOS;
    }

    void confirmed(String database, String mode) {
        if (byDatabase.size() >= MAX_ENTRIES) {
            byDatabase.clear();
        }
        byDatabase.put(database, new Confirmation(mode, System.nanoTime()));
    }
}
