package io.github.sqlitepragmaagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The values one pragma accepts; parsing either yields a canonical value or says what is allowed. */
abstract class ValueDomain implements ValueParser<PragmaValue> {

    /** The canonical value, or null when {@code trimmed} is not accepted. */
    abstract PragmaValue parseOrNull(String trimmed);

    /** The canonical value of {@code trimmed}; throws with {@link #allowed()} when it is not accepted. */
    @Override
    public final PragmaValue parse(String trimmed) {
        PragmaValue value = trimmed == null ? null : parseOrNull(trimmed);
        if (value == null) {
            throw new IllegalArgumentException(allowed());
        }
        return value;
    }

    /**
     * Named values, each with the number SQLite reports for it; {@code numbersAccepted} also lets the
     * number stand for the word (as SQLite does for {@code synchronous=1}).
     */
    static ValueDomain words(boolean numbersAccepted, String... wordsAndReadBacks) {
        return new Words(numbersAccepted, wordsAndReadBacks);
    }

    /** ON/OFF and their synonyms, plus optional extra words with their read-back numbers. */
    static ValueDomain onOff(String... extraWordsAndReadBacks) {
        return new OnOff(extraWordsAndReadBacks);
    }

    /** A switch whose only value is ON, run as the fixed number {@code literal}; nothing is read back. */
    static ValueDomain onRunning(final String literal, final String meaning) {
        return new ValueDomain() {
            @Override
            PragmaValue parseOrNull(String raw) {
                return Boolean.TRUE.equals(BooleanWords.parse(raw)) ? new PragmaValue(literal, null) : null;
            }

            @Override
            public String allowed() {
                return "ON (" + meaning + "), OFF";
            }
        };
    }

    /** Whole numbers from {@code min} to {@code max}, written in decimal. */
    static ValueDomain range(long min, long max) {
        return new Range(min, max);
    }

    private static class Words extends ValueDomain {
        private final boolean numbersAccepted;
        private final Map<String, String> readBackByWord = new LinkedHashMap<String, String>();

        Words(boolean numbersAccepted, String... wordsAndReadBacks) {
            this.numbersAccepted = numbersAccepted;
            for (int i = 0; i < wordsAndReadBacks.length; i += 2) {
                readBackByWord.put(wordsAndReadBacks[i], wordsAndReadBacks[i + 1]);
            }
        }

        @Override
        PragmaValue parseOrNull(String raw) {
            String upper = raw.toUpperCase(Locale.ROOT);
            String readBack = readBackByWord.get(upper);
            if (readBack != null) {
                return new PragmaValue(upper, readBack);
            }
            if (numbersAccepted) {
                for (Map.Entry<String, String> entry : readBackByWord.entrySet()) {
                    if (entry.getValue().equals(raw)) {
                        return new PragmaValue(entry.getKey(), entry.getValue());
                    }
                }
            }
            return null;
        }

        @Override
        public String allowed() {
            List<String> shown = new ArrayList<String>(readBackByWord.keySet());
            if (numbersAccepted) {
                List<String> withNumbers = new ArrayList<String>();
                for (String word : shown) {
                    withNumbers.add(word + " (" + readBackByWord.get(word) + ")");
                }
                shown = withNumbers;
            }
            return String.join(", ", shown);
        }
    }

    private static final class OnOff extends Words {
        private final String extraWords;

        OnOff(String... extraWordsAndReadBacks) {
            super(false, withOnOff(extraWordsAndReadBacks));
            StringBuilder extras = new StringBuilder();
            for (int i = 0; i < extraWordsAndReadBacks.length; i += 2) {
                extras.append(", ").append(extraWordsAndReadBacks[i]);
            }
            this.extraWords = extras.toString();
        }

        private static String[] withOnOff(String[] extra) {
            String[] all = new String[4 + extra.length];
            all[0] = "ON";
            all[1] = "1";
            all[2] = "OFF";
            all[3] = "0";
            System.arraycopy(extra, 0, all, 4, extra.length);
            return all;
        }

        @Override
        PragmaValue parseOrNull(String raw) {
            Boolean on = BooleanWords.parse(raw);
            return super.parseOrNull(on == null ? raw : on ? "ON" : "OFF");
        }

        @Override
        public String allowed() {
            return "ON, OFF (also TRUE/FALSE, YES/NO, 1/0)" + extraWords;
        }
    }

    private static final class Range extends ValueDomain {
        private final long min;
        private final long max;

        Range(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        PragmaValue parseOrNull(String raw) {
            if (raw.isEmpty() || raw.length() > 20) {
                return null;
            }
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                boolean sign = i == 0 && (c == '-' || c == '+') && raw.length() > 1;
                if (!sign && (c < '0' || c > '9')) {
                    return null;
                }
            }
            long number;
            try {
                number = Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
            } catch (NumberFormatException e) {
                return null;
            }
            if (number < min || number > max) {
                return null;
            }
            String canonical = Long.toString(number);
            return new PragmaValue(canonical, canonical);
        }

        @Override
        public String allowed() {
            return "a whole number from " + min + " to " + max;
        }
    }
}
