package io.github.sqlitepragmaagent.config;

import java.util.Locale;

/** The value parsers of the agent's own keys (the pragmas' live in {@link ValueDomain}). */
final class Parsers {

    private Parsers() {}

    static final ValueParser<Boolean> BOOLEAN = new ValueParser<Boolean>() {
        @Override
        public Boolean parse(String trimmed) {
            Boolean value = BooleanWords.parse(trimmed);
            if (value == null) {
                throw new IllegalArgumentException(allowed());
            }
            return value;
        }

        @Override
        public String allowed() {
            return BooleanWords.ALLOWED;
        }
    };

    static final ValueParser<String> PATH = new ValueParser<String>() {
        @Override
        public String parse(String trimmed) {
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException(allowed());
            }
            return trimmed;
        }

        @Override
        public String allowed() {
            return "a file path";
        }
    };

    /** Milliseconds of a duration of at least {@code minMillis}; with {@code offAllowed}, {@code off} is 0. */
    static ValueParser<Long> duration(final long minMillis, final boolean offAllowed) {
        return new ValueParser<Long>() {
            @Override
            public Long parse(String trimmed) {
                if (offAllowed && trimmed.equalsIgnoreCase("off")) {
                    return Long.valueOf(0);
                }
                long millis = Quantities.millis(trimmed);
                if (millis < minMillis) {
                    throw new IllegalArgumentException(allowed());
                }
                return Long.valueOf(millis);
            }

            @Override
            public String allowed() {
                return offAllowed ? "a duration such as 30s, 5m, 1h, 2d, or off" : "a duration such as 500ms, 30s, 5m, 1h, 2d";
            }
        };
    }

    /** A whole number of at least {@code min} (and at most {@link Integer#MAX_VALUE}). */
    static ValueParser<Long> count(final long min) {
        return new ValueParser<Long>() {
            @Override
            public Long parse(String trimmed) {
                long count;
                try {
                    count = Long.parseLong(trimmed);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(allowed());
                }
                if (count < min || count > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(allowed());
                }
                return Long.valueOf(count);
            }

            @Override
            public String allowed() {
                return "a whole number, " + min + " or more";
            }
        };
    }

    /** A positive number of bytes, plain or with a unit. */
    static final ValueParser<Long> SIZE = new ValueParser<Long>() {
        @Override
        public Long parse(String trimmed) {
            long bytes = Quantities.bytes(trimmed);
            if (bytes <= 0) {
                throw new IllegalArgumentException(allowed());
            }
            return Long.valueOf(bytes);
        }

        @Override
        public String allowed() {
            return "a size in bytes, or with a unit: 512KiB, 64MiB, 10GiB (KB, MB, GB are powers of 1000)";
        }
    };

    /** A positive number of bytes as {@link #SIZE} reads it, or {@code off} for 0. */
    static final ValueParser<Long> SIZE_OR_OFF = new ValueParser<Long>() {
        @Override
        public Long parse(String trimmed) {
            return trimmed.equalsIgnoreCase("off") ? Long.valueOf(0) : SIZE.parse(trimmed);
        }

        @Override
        public String allowed() {
            return SIZE.allowed() + ", or off";
        }
    };

    /**
     * One of {@code values}, matched by name in any case; {@code upperCase} says how the words are
     * written in messages and the reference.
     */
    static <E extends Enum<E>> ValueParser<E> choice(final E[] values, final boolean upperCase) {
        return new ValueParser<E>() {
            @Override
            public E parse(String trimmed) {
                // Lower-cased with the root locale, like the names, so no locale's case rules let a
                // look-alike word through.
                String word = trimmed.toLowerCase(Locale.ROOT);
                for (E value : values) {
                    if (value.name().toLowerCase(Locale.ROOT).equals(word)) {
                        return value;
                    }
                }
                throw new IllegalArgumentException(allowed());
            }

            @Override
            public String allowed() {
                StringBuilder words = new StringBuilder();
                for (E value : values) {
                    if (words.length() > 0) {
                        words.append(", ");
                    }
                    words.append(upperCase ? value.name() : value.name().toLowerCase(Locale.ROOT));
                }
                return words.toString();
            }
        };
    }
}
