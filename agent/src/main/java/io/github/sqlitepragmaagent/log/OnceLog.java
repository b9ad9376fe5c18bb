package io.github.sqlitepragmaagent.log;

/**
 * Remembers which messages were already logged, so that an app opening 10,000 connections to the
 * same troubled database gets one line per database and reason, not 10,000.
 *
 * <p>Memory stays bounded however many databases an app opens, and logging never stops: keys are
 * kept as 64-bit hashes in two generations of at most {@code maxKeys / 2} each. When the current
 * generation is full it becomes the previous one and the older one is dropped; a key seen again
 * moves back to the current generation. So a key is forgotten only after {@code maxKeys / 2} other
 * keys were offered since it was last seen, and a forgotten key is logged once more, never lost.
 */
public final class OnceLog {

    /** Keys remembered at most (both generations): about 1.6 MiB of tables when full. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final int generationSize;
    private LongSet current = new LongSet();
    private LongSet previous = new LongSet();

    public OnceLog() {
        this(DEFAULT_MAX_KEYS);
    }

    public OnceLog(int maxKeys) {
        this.generationSize = Math.max(1, maxKeys / 2);
    }

    /** True the first time {@code key} is offered (or the first time since it was forgotten). */
    public boolean first(String key) {
        long hash = hash(key);
        synchronized (this) {
            if (current.contains(hash)) {
                return false;
            }
            boolean known = previous.contains(hash);
            if (current.size() >= generationSize) {
                previous = current;
                current = new LongSet();
            }
            current.add(hash);
            return !known;
        }
    }

    /** 64-bit FNV-1a over the chars, finished with a MurmurHash3 mix; never 0 (the empty slot). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** An open-addressing set of non-zero longs: 8 bytes a key, no boxing. */
    private static final class LongSet {
        private long[] slots = new long[16];
        private int size;

        int size() {
            return size;
        }

        boolean contains(long value) {
            int mask = slots.length - 1;
            for (int i = index(value, mask); ; i = (i + 1) & mask) {
                long slot = slots[i];
                if (slot == value) {
                    return true;
                }
                if (slot == 0) {
                    return false;
                }
            }
        }

        void add(long value) {
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            insert(slots, value);
            size++;
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long slot : slots) {
                if (slot != 0) {
                    insert(bigger, slot);
                }
            }
            slots = bigger;
        }

        private static void insert(long[] table, long value) {
            int mask = table.length - 1;
            int i = index(value, mask);
            while (table[i] != 0 && table[i] != value) {
                i = (i + 1) & mask;
            }
            table[i] = value;
        }

        private static int index(long value, int mask) {
            return (int) (value ^ (value >>> 32)) & mask;
        }
    }
}
