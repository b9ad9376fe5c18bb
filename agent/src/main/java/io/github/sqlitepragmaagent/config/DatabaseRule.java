package io.github.sqlitepragmaagent.config;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;

/**
 * Settings for the databases whose absolute path matches a glob: {@code rule.N.match=/srv/cache/*.db}
 * with {@code rule.N.PRAGMA=VALUE} (or {@code keep}) or {@code rule.N.exclude=true}. Rules are tried in
 * the order of N; the first that matches applies.
 */
public final class DatabaseRule {

    private final int number;
    private final String glob;
    private final PathMatcher matcher;
    private final boolean exclude;
    /** Pragma name to its value; a null value means {@code keep} (not applied for these databases). */
    private final Map<String, PragmaSetting> pragmas;
    private final TransactionMode transactionMode;
    /** The agent's own keys this rule sets besides transaction_mode (backup.*), by option, parsed. */
    private final Map<ConfigOption<?>, Object> options;

    DatabaseRule(int number, String glob, boolean exclude, Map<String, PragmaSetting> pragmas,
            TransactionMode transactionMode, Map<ConfigOption<?>, Object> options) {
        this.number = number;
        this.glob = glob;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        this.exclude = exclude;
        this.pragmas = Collections.unmodifiableMap(pragmas);
        this.transactionMode = transactionMode;
        this.options = Collections.unmodifiableMap(options);
    }

    /**
     * Checks a glob before a rule is built; null when it is usable, else what is wrong. Globs follow
     * {@link java.nio.file.FileSystem#getPathMatcher}: {@code *} stays within a directory, {@code **}
     * crosses directories, {@code ?} is one character, {@code {a,b}} is either.
     */
    static String globProblem(String glob) {
        if (glob == null || glob.trim().isEmpty()) {
            return "an absolute path glob such as /srv/cache/*.db or **/cache.db";
        }
        if (!glob.startsWith("/") && !glob.startsWith("**") && !glob.matches("^[A-Za-z]:.*")) {
            return "an absolute path glob (starting with / or **), because it is matched against absolute paths";
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return null;
        } catch (RuntimeException e) {
            return "a valid glob (" + e.getMessage().split("\n")[0] + ")";
        }
    }

    public int number() {
        return number;
    }

    public boolean matches(String absolutePath) {
        try {
            return matcher.matches(Paths.get(absolutePath));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when matching databases are left entirely alone: not tuned, not audited. */
    public boolean exclude() {
        return exclude;
    }

    /** The pragmas this rule sets; a null setting means the rule keeps that pragma untouched. */
    public Map<String, PragmaSetting> pragmas() {
        return pragmas;
    }

    /** The BEGIN mode this rule sets ({@code rule.N.transaction_mode}), or null when it sets none. */
    public TransactionMode transactionMode() {
        return transactionMode;
    }

    /** The rule's own value of {@code option} (an in-rules agent key such as backup.dir), or null when it sets none. */
    @SuppressWarnings("unchecked") // safe: RuleKeys fills the map with option.parse(...) of the same option
    public <T> T option(ConfigOption<T> option) {
        return (T) options.get(option);
    }

    @Override
    public String toString() {
        return "rule." + number + " (" + glob + ")";
    }
}
