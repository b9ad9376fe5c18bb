package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the agent argument string: {@code -javaagent:agent.jar=key=value,key=value}. */
final class AgentArguments {

    private AgentArguments() {}

    /**
     * The key/value pairs of {@code arguments}, keys in lower case, later duplicates winning; a piece
     * that is not {@code key=value} is reported in {@code problems} and skipped.
     */
    static Map<String, String> parse(String arguments, List<ConfigProblem> problems) {
        Map<String, String> pairs = new LinkedHashMap<String, String>();
        if (arguments == null || arguments.trim().isEmpty()) {
            return pairs;
        }
        for (String piece : arguments.split(",", -1)) {
            String trimmed = piece.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                problems.add(ConfigProblem.of("agent argument piece " + Text.quote(trimmed)
                        + " is not key=value; write -javaagent:sqlite-pragma-agent.jar=key=value,key=value"));
                continue;
            }
            pairs.put(normalizeKey(trimmed.substring(0, equals)), trimmed.substring(equals + 1).trim());
        }
        return pairs;
    }

    static String normalizeKey(String key) {
        return key.trim().toLowerCase(Locale.ROOT);
    }
}
