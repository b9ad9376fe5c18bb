package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What could not be applied to one connection, grouped by reason so that the log names every
 * setting that failed for the same reason in one line. Each failure is counted as it happens.
 */
final class Failures {

    private final TuningStats stats;
    private final Map<String, List<PragmaSetting>> byReason = new LinkedHashMap<String, List<PragmaSetting>>();

    Failures(TuningStats stats) {
        this.stats = stats;
    }

    /** The one reason for everything another connection's lock kept out: its message differs per pragma. */
    static final String LOCKED = "the database is locked by another connection beyond the busy timeout;"
            + " the agent tries again on the next connection";

    private boolean locked;

    void add(PragmaSetting setting, Exception e) {
        if (BusyRetry.isBusy(e)) {
            locked = true;
            add(setting, LOCKED);
        } else {
            add(setting, firstLine(e));
        }
    }

    /** True when another connection's lock kept something out. */
    boolean locked() {
        return locked;
    }

    void add(PragmaSetting setting, String reason) {
        stats.pragmaFailed();
        List<PragmaSetting> settings = byReason.get(reason);
        if (settings == null) {
            settings = new ArrayList<PragmaSetting>();
            byReason.put(reason, settings);
        }
        settings.add(setting);
    }

    boolean contains(PragmaSetting setting) {
        for (List<PragmaSetting> settings : byReason.values()) {
            if (settings.contains(setting)) {
                return true;
            }
        }
        return false;
    }

    /** Reason to the settings that failed for it, in the order they failed. */
    Map<String, List<PragmaSetting>> byReason() {
        return Collections.unmodifiableMap(byReason);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
