package io.github.sqlitepragmaagent.config;

import java.util.ArrayList;
import java.util.List;

/** Finds the known key an operator probably meant when they typed an unknown one. */
final class KeySuggester {

    private static final int MAX_DISTANCE = 2;

    private KeySuggester() {}

    /** The known key within two edits of {@code typed}, or null. */
    static String closest(String typed) {
        List<String> keys = new ArrayList<String>();
        for (ConfigOption<?> option : AgentOptions.all()) {
            keys.add(option.key());
        }
        return closestOf(typed, withPragmas(keys));
    }

    /** What a rule may set ({@code match}, {@code exclude}, a pragma...) within two edits of {@code typed}, or null. */
    static String closestInRules(String typed) {
        List<String> subkeys = new ArrayList<String>();
        for (ConfigOption<?> option : RuleKeys.ownKeys()) {
            subkeys.add(option.key().substring(option.key().lastIndexOf('.') + 1));
        }
        for (ConfigOption<?> option : AgentOptions.all()) {
            if (option.inRules()) {
                subkeys.add(option.key());
            }
        }
        return closestOf(typed, withPragmas(subkeys));
    }

    private static List<String> withPragmas(List<String> keys) {
        for (PragmaSpec spec : PragmaCatalog.all()) {
            keys.add(spec.name());
        }
        return keys;
    }

    private static String closestOf(String typed, List<String> candidates) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up early on long inputs (they are never a typo of a key). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_DISTANCE || a.length() > 64) {
            return MAX_DISTANCE + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
