package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.support.Text;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON value from plain Java values: a {@link Map} is an object (in its iteration order), a
 * {@link List} an array, a {@link Number} or {@link Boolean} itself, null {@code null}, anything else
 * a string. The agent bundles no JSON library, and its commands need nothing more.
 */
final class JsonWriter {

    private JsonWriter() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** An array with one element per line, for output a person may read too. */
    static String linePerElement(List<?> elements) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            out.append(i == 0 ? "" : ",\n");
            append(out, elements.get(i));
        }
        return out.append(']').toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                out.append(Text.json(String.valueOf(entry.getKey()))).append(':');
                append(out, entry.getValue());
                out.append(entries.hasNext() ? "," : "");
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            Iterator<?> elements = ((List<?>) value).iterator();
            while (elements.hasNext()) {
                append(out, elements.next());
                out.append(elements.hasNext() ? "," : "");
            }
            out.append(']');
        } else {
            out.append(Text.json(String.valueOf(value)));
        }
    }
}
