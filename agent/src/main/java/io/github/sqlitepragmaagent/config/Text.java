package io.github.sqlitepragmaagent.config;

/** Renders untrusted text (configuration values, file names) safely inside one log line. */
public final class Text {

    private static final int MAX_SHOWN = 80;

    private Text() {}

    /** Quotes {@code raw}, escaping control characters and shortening very long text. */
    public static String quote(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_SHOWN) + 16).append('\'');
        int shown = Math.min(raw.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = raw.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (raw.length() > MAX_SHOWN) {
            out.append("...(").append(raw.length()).append(" chars)");
        }
        return out.toString();
    }
}
