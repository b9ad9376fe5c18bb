package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.support.MountTable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each database's {@link DatabaseSettings}, worked out on its first connection (glob matching and a
 * look at the mount table) and remembered, so that later connections pay one map lookup.
 */
final class SettingsCache {

    /** Past this many databases the cache starts over rather than grow without end. */
    private static final int MAX_ENTRIES = 10_000;

    private final AgentConfig config;
    private final ConcurrentMap<String, DatabaseSettings> byDatabase = new ConcurrentHashMap<String, DatabaseSettings>();
    private volatile MountTable mounts;

    SettingsCache(AgentConfig config) {
        this.config = config;
    }

    DatabaseSettings of(OpenRequest request) {
        DatabaseSettings settings = byDatabase.get(request.database());
        if (settings == null) {
            settings = DatabaseSettings.of(config, request, mounts());
            if (byDatabase.size() >= MAX_ENTRIES) {
                byDatabase.clear();
            }
            byDatabase.put(request.database(), settings);
        }
        return settings;
    }

    private MountTable mounts() {
        MountTable table = mounts;
        if (table == null) {
            table = MountTable.ofThisSystem();
            mounts = table;
        }
        return table;
    }
}
