package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.support.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one audit of one database found, as stable {@code key=value} fields for a log shipper (and
 * the same fields as one JSON object).
 */
final class AuditReport {

    /** How bad the findings are; decides the log level. */
    enum Severity {
        OK, WARN, ERROR
    }

    /** Which audit this was: the first one of a database, a periodic size audit, or a periodic integrity audit. */
    enum Kind {
        FIRST, SIZES, INTEGRITY
    }

    private final Map<String, Object> fields = new LinkedHashMap<String, Object>();
    private final List<String> warnings = new ArrayList<String>();
    private Severity severity = Severity.OK;
    /** Set when the file could not be read as a database: which file that was (not a logged field). */
    private String unreadableFile;
    final String database;
    final Kind kind;
    final long startedAtMillis;

    AuditReport(String database, Kind kind, long startedAtMillis) {
        this.database = database;
        this.kind = kind;
        this.startedAtMillis = startedAtMillis;
        fields.put("db", database);
        fields.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        fields.put("result", "ok");
    }

    void put(String key, Object value) {
        fields.put(key, value);
    }

    Object get(String key) {
        return fields.get(key);
    }

    long getLong(String key, long otherwise) {
        Object value = fields.get(key);
        return value instanceof Number ? ((Number) value).longValue() : otherwise;
    }

    void warn(String message) {
        warnings.add(message);
        raise(Severity.WARN);
    }

    void error(String message) {
        warnings.add(message);
        raise(Severity.ERROR);
    }

    private void raise(Severity to) {
        if (to.ordinal() > severity.ordinal()) {
            severity = to;
            fields.put("result", to == Severity.ERROR ? "error" : "warn");
        }
    }

    /**
     * Marks the file as unreadable as a database; {@code file} tells this file from the next one at the
     * same path (size, modification time, file key), so a file left as it is is reported only once.
     */
    void unreadable(String file) {
        unreadableFile = file;
    }

    /** What {@link #unreadable(String)} recorded, or null when the file was read as a database. */
    String unreadableFile() {
        return unreadableFile;
    }

    Severity severity() {
        return severity;
    }

    /** What is wrong, in words, in the order found. */
    java.util.List<String> findings() {
        return java.util.Collections.unmodifiableList(warnings);
    }

    /** {@code audit db=/srv/app.db kind=first result=ok integrity=ok ... took_ms=12 [problems="..."]}. */
    String toLine() {
        StringBuilder line = new StringBuilder("audit");
        for (Map.Entry<String, Object> field : allFields().entrySet()) {
            line.append(' ').append(field.getKey()).append('=').append(lineValue(field.getValue()));
        }
        return line.toString();
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{\"time\":").append(startedAtMillis);
        for (Map.Entry<String, Object> field : allFields().entrySet()) {
            json.append(",\"").append(field.getKey()).append("\":");
            Object value = field.getValue();
            if (value instanceof Number) {
                json.append(value);
            } else {
                json.append(Text.json(String.valueOf(value)));
            }
        }
        return json.append('}').toString();
    }

    /** The fields of {@link #toJson()}, in its order. */
    Map<String, Object> jsonFields() {
        Map<String, Object> json = new LinkedHashMap<String, Object>();
        json.put("time", startedAtMillis);
        json.putAll(allFields());
        return json;
    }

    private Map<String, Object> allFields() {
        Map<String, Object> all = new LinkedHashMap<String, Object>(fields);
        if (!warnings.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (String warning : warnings) {
                joined.append(joined.length() == 0 ? "" : "; ").append(warning);
            }
            all.put("findings", joined.toString());
        }
        return all;
    }

    /** Bare when the value is a plain token, quoted (with escapes) when it has spaces or quotes. */
    private static String lineValue(Object value) {
        String text = String.valueOf(value);
        boolean plain = !text.isEmpty();
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c > ' ' && c != '"' && c != '\\' && c != '=' && c < 0x7f;
        }
        if (plain) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < ' ') {
                quoted.append(' ');
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
