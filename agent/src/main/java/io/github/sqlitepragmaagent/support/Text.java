package io.github.sqlitepragmaagent.support;

/** Renders text for people and machines: quoted for one log line, as a JSON string, sizes in units. */
public final class Text {

    private static final int MAX_SHOWN = 80;

    private Text() {}

    /** Quotes {@code raw}, escaping control characters and shortening very long text. */
    public static String quote(String raw) {
        return raw == null ? "null" : "'" + escape(raw, true) + "'" + lengthNote(raw);
    }

    /** {@code raw} with control characters escaped and very long text shortened, without quotes. */
    public static String clean(String raw) {
        return raw == null ? "null" : escape(raw, false) + lengthNote(raw);
    }

    private static String lengthNote(String raw) {
        return raw.length() > MAX_SHOWN ? "...(" + raw.length() + " chars)" : "";
    }

    private static String escape(String raw, boolean quoted) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_SHOWN) + 16);
        int shown = Math.min(raw.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = raw.charAt(i);
            if (quoted && (c == '\'' || c == '\\')) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} as a JSON string literal. */
    public static String json(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** A byte count for people: {@code 512 B}, {@code 64.0 MiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
