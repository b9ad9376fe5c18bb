package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-database rules out of the merged configuration: {@code rule.N.match},
 * {@code rule.N.exclude}, {@code rule.N.transaction_mode} and {@code rule.N.PRAGMA}, N a whole number
 * giving the order.
 */
final class RuleKeys {

    /**
     * Compiled when a rule key or variable is first seen, not when the configuration loads: the first
     * regular expression a JVM compiles costs milliseconds of its start-up, and most have no rules.
     */
    private static final class Patterns {
        static final Pattern RULE_KEY = Pattern.compile("rule\\.(\\d{1,4})\\.([a-z_]+(?:\\.[a-z_]+)*)");
        static final Pattern RULE_VARIABLE = Pattern.compile("RULE_(\\d{1,4})_([A-Z_]+)");
    }
    private static final String PREFIX = "rule.N.";

    static final ConfigOption<String> MATCH = new ConfigOption<String>(PREFIX + "match", new ValueParser<String>() {
        @Override
        public String parse(String trimmed) {
            String problem = DatabaseRule.globProblem(trimmed);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return trimmed;
        }

        @Override
        public String allowed() {
            return "an absolute path glob such as /srv/cache/*.db or **/cache.db";
        }
    }, null, "the databases the rule is for, by a glob on their absolute path (`*` stays within a directory, `**`"
            + " crosses directories, `?` is one character, `{a,b}` either); required in every rule",
            ConfigOption.Scope.GLOBAL);

    static final ConfigOption<Boolean> EXCLUDE = new ConfigOption<Boolean>(PREFIX + "exclude", Parsers.BOOLEAN, "false",
            "`true` leaves matching databases entirely alone: not tuned, not audited", ConfigOption.Scope.GLOBAL);

    private static final List<ConfigOption<?>> OWN_KEYS =
            Collections.unmodifiableList(Arrays.<ConfigOption<?>>asList(MATCH, EXCLUDE));

    private RuleKeys() {}

    /** The keys only a rule has, for the reference; the others are the {@link ConfigOption#inRules()} keys. */
    static List<ConfigOption<?>> ownKeys() {
        return OWN_KEYS;
    }

    static boolean isRuleKey(String key) {
        return key.startsWith("rule.");
    }

    /** {@code RULE_2_JOURNAL_MODE} to {@code rule.2.journal_mode}; null when it is not a rule variable. */
    static String fromEnvironmentName(String nameAfterPrefix) {
        Matcher matcher = Patterns.RULE_VARIABLE.matcher(nameAfterPrefix);
        if (!matcher.matches()) {
            return null;
        }
        String subkey = matcher.group(2).toLowerCase(Locale.ROOT);
        // RULE_1_BACKUP_DIR: an agent key with dots (backup.dir) has underscores in a variable's name.
        ConfigOption<?> dotted = AgentOptions.byKey(subkey.replace('_', '.'));
        if (PragmaCatalog.byName(subkey) == null && dotted != null && dotted.inRules()) {
            subkey = dotted.key();
        }
        return "rule." + Integer.parseInt(matcher.group(1)) + "." + subkey;
    }

    /**
     * The rules, in number order; a value a key does not accept goes to {@code problems} (and its
     * rule is dropped), a key no rule knows goes to {@code unknown} and is ignored. The rule keys that
     * were understood are added to {@code effective}.
     */
    static List<DatabaseRule> rules(Map<String, SourcedValue> merged, List<ConfigProblem> problems,
            List<ConfigProblem> unknown, Map<String, SourcedValue> effective) {
        Map<Integer, Map<String, SourcedValue>> byNumber = new TreeMap<Integer, Map<String, SourcedValue>>();
        for (SourcedValue value : merged.values()) {
            if (!isRuleKey(value.key())) {
                continue;
            }
            Matcher matcher = Patterns.RULE_KEY.matcher(value.key());
            if (!matcher.matches()) {
                unknown.add(ConfigProblem.unknownRuleKey("rule key " + Text.quote(value.key()) + " from " + value.origin()
                        + " is not rule.N.match, rule.N.exclude, rule.N.transaction_mode, rule.N.backup.dir|interval|keep or rule.N.PRAGMA"
                        + " (N a whole number)"));
                continue;
            }
            String subkey = matcher.group(2);
            if (!subkey.equals(suffix(MATCH)) && !subkey.equals(suffix(EXCLUDE)) && inRules(subkey) == null) {
                String suggestion = KeySuggester.closestInRules(subkey);
                unknown.add(ConfigProblem.unknownKey(value,
                        suggestion == null ? null : "rule." + matcher.group(1) + "." + suggestion));
                continue;
            }
            int number = Integer.parseInt(matcher.group(1));
            Map<String, SourcedValue> keys = byNumber.get(number);
            if (keys == null) {
                keys = new LinkedHashMap<String, SourcedValue>();
                byNumber.put(number, keys);
            }
            keys.put(subkey, value);
            effective.put(value.key(), value);
        }
        List<DatabaseRule> rules = new ArrayList<DatabaseRule>();
        for (Map.Entry<Integer, Map<String, SourcedValue>> rule : byNumber.entrySet()) {
            DatabaseRule built = build(rule.getKey(), rule.getValue(), problems);
            if (built != null) {
                rules.add(built);
            }
        }
        return rules;
    }

    /** The option a rule may set under {@code subkey} (a pragma, transaction_mode), or null. */
    private static ConfigOption<?> inRules(String subkey) {
        PragmaSpec spec = PragmaCatalog.byName(subkey);
        if (spec != null) {
            return spec.option();
        }
        ConfigOption<?> option = AgentOptions.byKey(subkey);
        return option != null && option.inRules() ? option : null;
    }

    private static String suffix(ConfigOption<?> ruleOption) {
        return ruleOption.key().substring(PREFIX.length());
    }

    private static DatabaseRule build(int number, Map<String, SourcedValue> keys, List<ConfigProblem> problems) {
        int before = problems.size();
        SourcedValue match = keys.get(suffix(MATCH));
        String glob = null;
        if (match == null) {
            problems.add(ConfigProblem.of("rule." + number + " has no rule." + number
                    + ".match: say which databases it is for, e.g. rule." + number + ".match=/srv/cache/*.db"));
        } else {
            glob = parse(MATCH, match, problems);
        }
        SourcedValue excludeValue = keys.get(suffix(EXCLUDE));
        Boolean exclude = excludeValue == null ? Boolean.FALSE : parse(EXCLUDE, excludeValue, problems);
        SourcedValue modeValue = keys.get(AgentOptions.TRANSACTION_MODE.key());
        TransactionMode transactionMode = modeValue == null ? null : parse(AgentOptions.TRANSACTION_MODE, modeValue, problems);
        Map<ConfigOption<?>, Object> options = new LinkedHashMap<ConfigOption<?>, Object>();
        for (ConfigOption<?> option : AgentOptions.all()) {
            SourcedValue value = keys.get(option.key());
            if (option.inRules() && option != AgentOptions.TRANSACTION_MODE && value != null) {
                Object parsed = parse(option, value, problems);
                if (parsed != null) {
                    options.put(option, parsed);
                }
            }
        }
        Map<String, PragmaSetting> pragmas = new LinkedHashMap<String, PragmaSetting>();
        for (Map.Entry<String, SourcedValue> key : keys.entrySet()) {
            PragmaSpec spec = PragmaCatalog.byName(key.getKey());
            if (spec != null) {
                try {
                    PragmaValue parsed = spec.parse(key.getValue().value());
                    pragmas.put(spec.name(), parsed == null ? null : new PragmaSetting(spec, parsed, key.getValue()));
                } catch (IllegalArgumentException e) {
                    problems.add(ConfigProblem.badValue(key.getValue(), e.getMessage()));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new DatabaseRule(number, glob, exclude, pragmas, transactionMode, options);
    }

    private static <T> T parse(ConfigOption<T> option, SourcedValue value, List<ConfigProblem> problems) {
        try {
            return option.parse(value.value());
        } catch (IllegalArgumentException e) {
            problems.add(ConfigProblem.badValue(value, e.getMessage()));
            return null;
        }
    }
}
