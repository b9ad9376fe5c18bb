package io.github.sqlitepragmaagent.driver;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which copies of sqlite-jdbc (told apart by the class loader that defined the connection's class)
 * open each database file in this JVM.
 *
 * <p>Each copy loads a native SQLite of its own, with its own bookkeeping of the file's POSIX locks;
 * a connection closed through one copy releases the locks the other copy holds (sqlite.org, "How To
 * Corrupt An SQLite Database File", 2.2 and 2.3). Two webapps each bundling the driver and sharing a
 * database do exactly that. Class loaders are held weakly: an undeployed webapp is never kept.
 */
public final class DriverCopies {

    /** Past this many databases the record starts over rather than grow without end. */
    private static final int MAX_DATABASES = 10_000;
    /** Copies remembered per database; more than a few means a redeploy loop, not more knowledge. */
    private static final int MAX_COPIES = 8;

    private final ConcurrentMap<String, Copies> byDatabase = new ConcurrentHashMap<String, Copies>();

    /**
     * Records that {@code loader}'s copy opened {@code database}. Returns another copy's class loader,
     * still loaded, the first time {@code loader} is seen beside it on this database; null otherwise
     * (the same copy again: one map lookup and one comparison).
     */
    public ClassLoader anotherCopy(String database, ClassLoader loader) {
        Copies copies = byDatabase.get(database);
        if (copies == null) {
            if (byDatabase.size() >= MAX_DATABASES) {
                byDatabase.clear();
            }
            copies = new Copies(loader);
            Copies raced = byDatabase.putIfAbsent(database, copies);
            if (raced == null) {
                return null;
            }
            copies = raced;
        }
        return copies.latest.get() == loader ? null : copies.add(loader);
    }

    /** The copies of one database; {@code latest} answers the common case without a lock. */
    private static final class Copies {
        volatile WeakReference<ClassLoader> latest;
        private final List<WeakReference<ClassLoader>> seen = new ArrayList<WeakReference<ClassLoader>>();

        Copies(ClassLoader loader) {
            latest = new WeakReference<ClassLoader>(loader);
            seen.add(latest);
        }

        synchronized ClassLoader add(ClassLoader loader) {
            ClassLoader other = null;
            for (int i = seen.size() - 1; i >= 0; i--) {
                ClassLoader known = seen.get(i).get();
                if (known == loader) {
                    latest = seen.get(i);
                    return null;
                }
                if (known == null) {
                    seen.remove(i);
                } else if (other == null) {
                    other = known;
                }
            }
            latest = new WeakReference<ClassLoader>(loader);
            if (seen.size() < MAX_COPIES) {
                seen.add(latest);
            }
            return other;
        }
    }
}
