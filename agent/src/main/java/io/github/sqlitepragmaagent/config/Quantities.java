package io.github.sqlitepragmaagent.config;

import java.util.Locale;

/** Parses the durations ({@code 30s}, {@code 1h}) and sizes ({@code 64MiB}) of the agent's settings. */
final class Quantities {

    private static final long MAX_NUMBER = 1L << 50;

    private Quantities() {}

    /** Milliseconds of {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}; -1 when malformed or too long for a long. */
    static long millis(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}, {"d", "86400000"}};
        for (String[] unit : units) {
            if (value.endsWith(unit[0])) {
                long number = number(value.substring(0, value.length() - unit[0].length()));
                long multiplier = Long.parseLong(unit[1]);
                return number < 0 || number > Long.MAX_VALUE / multiplier ? -1 : number * multiplier;
            }
        }
        return -1;
    }

    /** Bytes of {@code 1048576}, {@code 512KB}, {@code 64MiB}, {@code 10GiB}, ...; -1 when malformed or too large for a long. */
    static long bytes(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {
            {"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}, {"tib", "1099511627776"},
            {"kb", "1000"}, {"mb", "1000000"}, {"gb", "1000000000"}, {"tb", "1000000000000"}, {"b", "1"},
        };
        for (String[] unit : units) {
            if (value.endsWith(unit[0])) {
                long number = number(value.substring(0, value.length() - unit[0].length()));
                long multiplier = Long.parseLong(unit[1]);
                return number < 0 || number > Long.MAX_VALUE / multiplier ? -1 : number * multiplier;
            }
        }
        return number(value);
    }

    private static long number(String digits) {
        String trimmed = digits.trim();
        if (trimmed.isEmpty() || trimmed.length() > 16) {
            return -1;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9') {
                return -1;
            }
        }
        long number = Long.parseLong(trimmed);
        return number > MAX_NUMBER ? -1 : number;
    }
}
