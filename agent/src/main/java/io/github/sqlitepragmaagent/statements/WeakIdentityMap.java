package io.github.sqlitepragmaagent.statements;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from objects the agent does not own (the driver's DB of each connection) to the
 * agent's state about them: keys are compared by identity and held weakly, so a connection the app
 * drops takes its entry with it. Lookups take no lock: the hooks consult it on every statement.
 */
final class WeakIdentityMap<V> {

    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<Object, V>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<Object>();

    V get(Object key) {
        return map.get(new Lookup(key));
    }

    void put(Object key, V value) {
        expunge();
        map.put(new WeakKey(key, collected), value);
    }

    private void expunge() {
        Reference<?> reference;
        while ((reference = collected.poll()) != null) {
            map.remove(reference);
        }
    }

    /** Held in the map. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object key, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = System.identityHashCode(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            if (referent == null) {
                return false;
            }
            return other instanceof Lookup ? ((Lookup) other).key == referent
                    : other instanceof WeakKey && ((WeakKey) other).get() == referent;
        }
    }

    /** Used for one lookup only, never stored. */
    private static final class Lookup {
        private final Object key;

        Lookup(Object key) {
            this.key = key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey ? ((WeakKey) other).get() == key : other instanceof Lookup && ((Lookup) other).key == key;
        }
    }
}
