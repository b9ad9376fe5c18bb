package io.github.sqlitepragmaagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list: every pragma the agent can set, in the order it applies them.
 *
 * <p>The busy timeout comes first so that everything after it, the journal-mode switch above all,
 * waits for a competing lock instead of failing at once; the journal mode comes second because it
 * needs the database's exclusive lock and its answer decides whether WAL is really on.
 */
public final class PragmaCatalog {

    private static final long INT_MAX = Integer.MAX_VALUE;

    private static final List<PragmaSpec> ALL;
    private static final Map<String, PragmaSpec> BY_NAME = new LinkedHashMap<String, PragmaSpec>();

    static {
        List<PragmaSpec> all = new ArrayList<PragmaSpec>();
        all.add(new PragmaSpec("busy_timeout", ValueDomain.range(0, INT_MAX), PragmaSpec.Step.DRIVER_SETTER, false, "5000",
                "milliseconds a statement waits for another connection's lock before 'database is locked'; applied first,"
                        + " through the driver's own `setBusyTimeout`, so `Statement.setQueryTimeout` cannot undo it"));
        all.add(new PragmaSpec("journal_mode",
                ValueDomain.words(false, "WAL", "wal", "DELETE", "delete", "TRUNCATE", "truncate", "PERSIST", "persist",
                        "MEMORY", "memory", "OFF", "off"),
                PragmaSpec.Step.CHECKED_QUERY, true, "WAL",
                "WAL lets readers and one writer work at the same time; applied second; the mode SQLite answers is checked"
                        + " and a refusal is reported; when several connections switch at once SQLite answers BUSY"
                        + " without waiting, so the switch is retried for as long as the busy timeout allows. The mode"
                        + " is stored in the file, so once SQLite has confirmed it for a database the agent re-asserts"
                        + " it at most once a second (a file switched back by someone else is switched again within a"
                        + " second)"));
        all.add(new PragmaSpec("synchronous",
                ValueDomain.words(true, "OFF", "0", "NORMAL", "1", "FULL", "2", "EXTRA", "3"),
                PragmaSpec.Step.SETTING, false, "NORMAL",
                "when SQLite waits for the disk; `NORMAL` syncs at checkpoints only: safe from corruption in WAL, may lose"
                        + " the last commits on power loss"));
        all.add(new PragmaSpec("cache_size", ValueDomain.range(Integer.MIN_VALUE, INT_MAX), PragmaSpec.Step.SETTING, false,
                "-20000", "page cache per connection; negative means KiB (-20000 is about 20 MB)"));
        all.add(new PragmaSpec("foreign_keys", ValueDomain.onOff(), PragmaSpec.Step.SETTING, false, "ON",
                "enforce the FOREIGN KEY constraints the schema declares"));
        all.add(new PragmaSpec("temp_store", ValueDomain.words(true, "DEFAULT", "0", "FILE", "1", "MEMORY", "2"),
                PragmaSpec.Step.SETTING, false, "MEMORY", "where temporary tables and indices live"));
        all.add(new PragmaSpec("journal_size_limit", ValueDomain.range(-1, Long.MAX_VALUE), PragmaSpec.Step.SETTING, false,
                "67108864", "bytes of WAL or journal file kept after a checkpoint resets the WAL (or a transaction ends);"
                        + " 64 MiB as Rails sets it: a WAL that once grew large (a write burst, a long reader) shrinks back"
                        + " to it instead of keeping its largest size on disk for good; -1 keeps all"));
        all.add(new PragmaSpec("mmap_size", ValueDomain.range(0, Long.MAX_VALUE), PragmaSpec.Step.SETTING, false, null,
                "bytes of the file read through memory mapping (SQLite may cap it)"));
        all.add(new PragmaSpec("wal_autocheckpoint", ValueDomain.range(0, INT_MAX), PragmaSpec.Step.SETTING, false, null,
                "WAL pages that trigger an automatic checkpoint; 0 turns automatic checkpoints off"));
        all.add(new PragmaSpec("trusted_schema", ValueDomain.onOff(), PragmaSpec.Step.SETTING, false, null,
                "`OFF` (advised by SQLite) stops SQL functions with side effects from running inside views and triggers"));
        all.add(new PragmaSpec("secure_delete", ValueDomain.onOff("FAST", "2"), PragmaSpec.Step.SETTING, false, null,
                "overwrite deleted content with zeros"));
        all.add(new PragmaSpec("recursive_triggers", ValueDomain.onOff(), PragmaSpec.Step.SETTING, false, null,
                "let triggers fire triggers"));
        all.add(new PragmaSpec("automatic_index", ValueDomain.onOff(), PragmaSpec.Step.SETTING, false, null,
                "let the planner build temporary indices"));
        all.add(new PragmaSpec("cell_size_check", ValueDomain.onOff(), PragmaSpec.Step.SETTING, false, null,
                "extra checks on b-tree pages as they are read"));
        all.add(new PragmaSpec("analysis_limit", ValueDomain.range(0, INT_MAX), PragmaSpec.Step.SETTING, false, null,
                "rows `ANALYZE` and `optimize` look at per index; 0 means no limit"));
        all.add(new PragmaSpec("threads", ValueDomain.range(0, 64), PragmaSpec.Step.SETTING, false, null,
                "helper threads a sort may use (SQLite caps it at its compile-time limit)"));
        all.add(new PragmaSpec("optimize", ValueDomain.onRunning("65538", "runs PRAGMA optimize=0x10002"), PragmaSpec.Step.ACTION, true, null,
                "`ON` runs `PRAGMA optimize=0x10002` on each new connection, as SQLite advises for long-lived connections"));
        ALL = Collections.unmodifiableList(all);
        for (PragmaSpec spec : ALL) {
            BY_NAME.put(spec.name(), spec);
        }
    }

    private PragmaCatalog() {}

    /** Every known pragma, in apply order. */
    public static List<PragmaSpec> all() {
        return ALL;
    }

    /** The pragma named {@code name} (lower case, as SQLite and the driver spell it), or null. */
    public static PragmaSpec byName(String name) {
        return BY_NAME.get(name);
    }
}
