package io.github.sqlitepragmaagent.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value key=value} lines through which subject processes report to the benchmarks. */
final class KeyValues {

    private KeyValues() {}

    static Map<String, String> parse(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : line.trim().split("\\s+")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                values.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return values;
    }
}
