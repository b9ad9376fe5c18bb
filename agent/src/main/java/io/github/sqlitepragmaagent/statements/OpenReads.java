package io.github.sqlitepragmaagent.statements;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The reads the app's connections in this JVM have open on each database, found when they are asked
 * for (a pinned WAL is being reported), never kept up to date per statement: each connection the agent
 * follows leaves its {@link ReadStarts}, and a statement counts as an open read while the driver says
 * its result set is open.
 */
public final class OpenReads {

    private final ConcurrentMap<String, Set<ReadStarts>> byDatabase = new ConcurrentHashMap<String, Set<ReadStarts>>();
    private final ConcurrentMap<String, Stacks> stacks = new ConcurrentHashMap<String, Stacks>();

    /**
     * From now on, the reads of {@code database} record where they began (a stack per statement on that
     * database), so that the next pinned-WAL warning shows it. Called by the first warning: a database
     * whose WAL was pinned once is likely to be pinned again by the same code.
     */
    public void recordWhereReadsBegin(String database) {
        stacksOf(database).recorded = true;
    }

    private Stacks stacksOf(String database) {
        Stacks known = stacks.get(database);
        if (known == null) {
            Stacks created = new Stacks();
            known = stacks.putIfAbsent(database, created);
            if (known == null) {
                known = created;
            }
        }
        return known;
    }

    /** Called once per connection the agent follows; the entry goes when the connection's session does. */
    void register(String database, ReadStarts starts) {
        starts.stacks(stacksOf(database));
        Set<ReadStarts> set = byDatabase.get(database);
        if (set == null) {
            Set<ReadStarts> created = Collections.synchronizedSet(
                    Collections.newSetFromMap(new WeakHashMap<ReadStarts, Boolean>()));
            set = byDatabase.putIfAbsent(database, created);
            if (set == null) {
                set = created;
            }
        }
        set.add(starts);
    }

    /** The reads open on {@code database} right now, oldest first; empty when none is known. */
    public List<OpenRead> of(String database) {
        Set<ReadStarts> set = byDatabase.get(database);
        List<OpenRead> open = new ArrayList<OpenRead>();
        if (set == null) {
            return open;
        }
        List<ReadStarts> connections;
        synchronized (set) {
            connections = new ArrayList<ReadStarts>(set);
        }
        for (ReadStarts starts : connections) {
            for (int i = 0; i < ReadStarts.SLOTS; i++) {
                ReadStarts.Start start = starts.get(i);
                Object statement = start == null ? null : start.statement.get();
                if (statement != null && resultSetOpen(statement)) {
                    // Read after the start it measures: a statement that began meanwhile is 0 ms old, not less.
                    long now = System.nanoTime();
                    open.add(new OpenRead(start, start.threadId, start.sql, Math.max(0, now - start.startedNanos) / 1_000_000,
                            start.where == null ? null : start.where.getStackTrace()));
                }
            }
        }
        Collections.sort(open, new java.util.Comparator<OpenRead>() {
            @Override
            public int compare(OpenRead a, OpenRead b) {
                return Long.compare(b.openMillis, a.openMillis);
            }
        });
        return open;
    }

    /** The driver's own flag: {@code CoreStatement.rs.isOpen()} (both there from 3.25 to 3.54). */
    private static boolean resultSetOpen(Object statement) {
        try {
            Field field = field(statement.getClass(), "rs");
            if (field == null) {
                return false;
            }
            Object resultSet = field.get(statement);
            if (resultSet == null) {
                return false;
            }
            Method isOpen = resultSet.getClass().getMethod("isOpen");
            return Boolean.TRUE.equals(isOpen.invoke(resultSet));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            try {
                Field field = at.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /** Every database with registered connections, for tests and a forgotten database's cleanup. */
    Map<String, Set<ReadStarts>> all() {
        return byDatabase;
    }

    /** One open read: the thread that ran it (by id: nothing here keeps a thread), its SQL, how long it has been open. */
    public static final class OpenRead {
        /**
         * The same object for as long as the statement is not run again: a read seen open at two looks
         * with the same run is a read that stayed open, not a statement a writer runs with every row.
         */
        public final Object run;
        public final long threadId;
        public final String sql;
        public final long openMillis;
        /** Where it began, when its database records it ({@link #recordWhereReadsBegin}); else null. */
        public final StackTraceElement[] began;

        OpenRead(Object run, long threadId, String sql, long openMillis, StackTraceElement[] began) {
            this.run = run;
            this.threadId = threadId;
            this.sql = sql;
            this.openMillis = openMillis;
            this.began = began;
        }
    }

    /** Whether a database's reads record where they began; one per database, read at every statement on it. */
    static final class Stacks {
        volatile boolean recorded;
    }
}
