package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-database rules out of the merged configuration: {@code rule.N.match},
 * {@code rule.N.exclude} and {@code rule.N.PRAGMA}, N a whole number giving the order.
 */
final class RuleKeys {

    private static final Pattern RULE_KEY = Pattern.compile("rule\\.(\\d{1,4})\\.([a-z_]+)");
    private static final Pattern RULE_VARIABLE = Pattern.compile("RULE_(\\d{1,4})_([A-Z_]+)");
    private static final String MATCH = "match";
    private static final String EXCLUDE = "exclude";

    private RuleKeys() {}

    static boolean isRuleKey(String key) {
        return key.startsWith("rule.");
    }

    /** {@code RULE_2_JOURNAL_MODE} to {@code rule.2.journal_mode}; null when it is not a rule variable. */
    static String fromEnvironmentName(String nameAfterPrefix) {
        Matcher matcher = RULE_VARIABLE.matcher(nameAfterPrefix);
        return matcher.matches()
                ? "rule." + Integer.parseInt(matcher.group(1)) + "." + matcher.group(2).toLowerCase(Locale.ROOT)
                : null;
    }

    static List<DatabaseRule> rules(Map<String, SourcedValue> merged, List<ConfigProblem> problems) {
        Map<Integer, Map<String, SourcedValue>> byNumber = new TreeMap<Integer, Map<String, SourcedValue>>();
        for (SourcedValue value : merged.values()) {
            if (!isRuleKey(value.key())) {
                continue;
            }
            Matcher matcher = RULE_KEY.matcher(value.key());
            if (!matcher.matches()) {
                problems.add(ConfigProblem.of("rule key " + Text.quote(value.key()) + " from " + value.origin()
                        + " is not rule.N.match, rule.N.exclude or rule.N.PRAGMA (N a whole number)"));
                continue;
            }
            int number = Integer.parseInt(matcher.group(1));
            Map<String, SourcedValue> keys = byNumber.get(number);
            if (keys == null) {
                keys = new LinkedHashMap<String, SourcedValue>();
                byNumber.put(number, keys);
            }
            keys.put(matcher.group(2), value);
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

    private static DatabaseRule build(int number, Map<String, SourcedValue> keys, List<ConfigProblem> problems) {
        int before = problems.size();
        SourcedValue match = keys.get(MATCH);
        if (match == null) {
            problems.add(ConfigProblem.of("rule." + number + " has no rule." + number
                    + ".match: say which databases it is for, e.g. rule." + number + ".match=/srv/cache/*.db"));
        } else {
            String problem = DatabaseRule.globProblem(match.value().trim());
            if (problem != null) {
                problems.add(ConfigProblem.badValue(match, problem));
            }
        }
        boolean exclude = false;
        Map<String, PragmaSetting> pragmas = new LinkedHashMap<String, PragmaSetting>();
        for (Map.Entry<String, SourcedValue> key : keys.entrySet()) {
            SourcedValue value = key.getValue();
            PragmaSpec spec = PragmaCatalog.byName(key.getKey());
            if (key.getKey().equals(MATCH)) {
                continue;
            } else if (key.getKey().equals(EXCLUDE)) {
                try {
                    exclude = (Boolean) AgentOption.ENABLED.parse(value.value());
                } catch (IllegalArgumentException e) {
                    problems.add(ConfigProblem.badValue(value, e.getMessage()));
                }
            } else if (spec == null) {
                problems.add(ConfigProblem.unknownKey(value, null));
            } else {
                try {
                    PragmaValue parsed = spec.parse(value.value());
                    pragmas.put(spec.name(), parsed == null ? null : new PragmaSetting(spec, parsed, value));
                } catch (IllegalArgumentException e) {
                    problems.add(ConfigProblem.badValue(value, e.getMessage()));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new DatabaseRule(number, match.value().trim(), exclude, pragmas);
    }
}
