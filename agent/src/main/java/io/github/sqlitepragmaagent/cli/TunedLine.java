package io.github.sqlitepragmaagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuner's read-back, as the agent's {@code tuned} log line words it ({@code busy_timeout=5000
 * journal_mode=wal cache_size=-8000(app) synchronous=2(wanted 1) skipped_journal_mode="read-only
 * connection" rule=1}, or {@code none: excluded by ...}), turned into a JSON object for {@code check --json}:
 * {@code pragmas} (name to the value read back), {@code kept_from_app} (names the app had set),
 * {@code wanted} (name to the value the agent applied where the read-back differs), {@code skipped}
 * (name to why), {@code rule} (the matching rule's number) and {@code excluded} (why nothing was applied).
 */
final class TunedLine {

    private TunedLine() {}

    static Map<String, Object> toJson(String line) {
        Map<String, Object> pragmas = new LinkedHashMap<String, Object>();
        List<Object> keptFromApp = new ArrayList<Object>();
        Map<String, Object> wanted = new LinkedHashMap<String, Object>();
        Map<String, Object> skipped = new LinkedHashMap<String, Object>();
        Map<String, Object> json = new LinkedHashMap<String, Object>();
        json.put("pragmas", pragmas);
        json.put("kept_from_app", keptFromApp);
        json.put("wanted", wanted);
        json.put("skipped", skipped);
        if (line.startsWith("none: ")) {
            json.put("excluded", line.substring("none: ".length()));
            return json;
        }
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = line.substring(i, equals);
            i = equals + 1;
            String value;
            String note = null;
            if (i < line.length() && line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                close = close < 0 ? line.length() : close;
                value = line.substring(i + 1, close);
                i = close + 1;
            } else {
                int end = i;
                while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '(') {
                    end++;
                }
                value = line.substring(i, end);
                i = end;
                if (i < line.length() && line.charAt(i) == '(') {
                    int close = line.indexOf(')', i);
                    close = close < 0 ? line.length() : close;
                    note = line.substring(i + 1, close);
                    i = close + 1;
                }
            }
            if (name.startsWith("skipped_")) {
                skipped.put(name.substring("skipped_".length()), value);
            } else if (name.equals("rule")) {
                json.put("rule", number(value));
            } else {
                pragmas.put(name, number(value));
                if ("app".equals(note)) {
                    keptFromApp.add(name);
                } else if (note != null && note.startsWith("wanted ")) {
                    wanted.put(name, number(note.substring("wanted ".length())));
                }
            }
        }
        return json;
    }

    /** A whole number as a number, anything else (wal, unreadable) as text. */
    private static Object number(String value) {
        if (value.matches("-?\\d{1,18}")) {
            return Long.valueOf(value);
        }
        return value;
    }
}
