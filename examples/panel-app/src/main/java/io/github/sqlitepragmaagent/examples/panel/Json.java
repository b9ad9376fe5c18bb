package io.github.sqlitepragmaagent.examples.panel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Just enough JSON for the panel service: writes objects and lists, reads flat string objects. */
final class Json {

    private Json() {}

    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> field : new TreeMap<>(fields).entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(field.getKey())).append(':').append(value(field.getValue()));
        }
        return out.append('}').toString();
    }

    static String array(Collection<String> jsonItems) {
        return "[" + String.join(",", jsonItems) + "]";
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map) {
            return object((Map<String, ?>) value);
        }
        return string(String.valueOf(value));
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Parses {@code {"key": "value", "n": 3}} into strings; nested values are refused. */
    static Map<String, String> parseFlatObject(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Reader in = new Reader(text.trim());
        in.expect('{');
        if (in.peekIs('}')) {
            in.expect('}');
            return fields;
        }
        do {
            String key = in.string();
            in.expect(':');
            fields.put(key, in.scalar());
        } while (in.tryConsume(','));
        in.expect('}');
        in.end();
        return fields;
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean peekIs(char c) {
            skipSpace();
            return at < text.length() && text.charAt(at) == c;
        }

        boolean tryConsume(char c) {
            if (peekIs(c)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!tryConsume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + at);
            }
        }

        void end() {
            skipSpace();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected text at offset " + at);
            }
        }

        String scalar() {
            if (peekIs('"')) {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}".indexOf(text.charAt(at)) < 0 && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            String raw = text.substring(start, at);
            if (raw.isEmpty() || raw.startsWith("{") || raw.startsWith("[")) {
                throw new IllegalArgumentException("expected a string or number at offset " + start);
            }
            return raw;
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && at < text.length()) {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }
    }
}
