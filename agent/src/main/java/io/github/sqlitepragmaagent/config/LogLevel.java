package io.github.sqlitepragmaagent.config;

import java.util.Locale;

/** The agent's own log level ({@code log.level}), from most to least talkative. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, OFF;

    /** The lower-case word, as written in the configuration and as SLF4J's simple logger reads it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this level shows debug lines. */
    public boolean showsDebug() {
        return compareTo(DEBUG) <= 0;
    }
}
