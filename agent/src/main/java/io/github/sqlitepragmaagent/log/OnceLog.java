package io.github.sqlitepragmaagent.log;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which messages were already logged, so that an app opening 10,000 connections to the
 * same troubled database gets one line per database and reason, not 10,000.
 */
public final class OnceLog {

    /** Past this many distinct keys nothing new is remembered or logged: the log must stay bounded. */
    private static final int MAX_KEYS = 10_000;

    private final Set<String> seen = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    /** True the first time {@code key} is offered (and while fewer than the maximum are known). */
    public boolean first(String key) {
        return seen.size() < MAX_KEYS && seen.add(key);
    }
}
