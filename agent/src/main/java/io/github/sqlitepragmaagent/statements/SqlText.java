package io.github.sqlitepragmaagent.statements;

/**
 * Reads just enough of a statement's text to know what kind it is: the hooks run on every statement,
 * so this looks at the first words only and allocates nothing for the common case.
 */
final class SqlText {

    private SqlText() {}

    /** The position of the first character that is not blank or inside a leading comment. */
    static int start(String sql) {
        int length = sql.length();
        // Most statements begin with their keyword: no character lookup for them (this runs several times
        // per statement, on every statement).
        if (length > 0) {
            char first = sql.charAt(0);
            if (first > ' ' && first < 128 && first != '-' && first != '/') {
                return 0;
            }
        }
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The statement's first character after blanks and comments, upper-cased; a space when there is none. */
    static char firstLetter(String sql) {
        if (sql == null) {
            return ' ';
        }
        int at = start(sql);
        return at < sql.length() ? Character.toUpperCase(sql.charAt(at)) : ' ';
    }

    /** True when the statement's first word is {@code word} (upper case, compared ignoring case). */
    static boolean startsWithWord(String sql, String word) {
        if (sql == null) {
            return false;
        }
        int at = start(sql);
        if (!sql.regionMatches(true, at, word, 0, word.length())) {
            return false;
        }
        int after = at + word.length();
        return after == sql.length() || !isWordCharacter(sql.charAt(after));
    }

    /** The words of the statement's beginning, as written (quotes and case kept), up to {@code count}; null past the end. */
    static String[] firstWords(String sql, int count) {
        String[] words = new String[count];
        int i = start(sql);
        for (int n = 0; n < count; n++) {
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            if (i >= sql.length()) {
                break;
            }
            int begin = i;
            char c = sql.charAt(i);
            if (c == '"' || c == '`' || c == '[' || c == '\'') {
                char close = c == '[' ? ']' : c;
                i++;
                while (i < sql.length()) {
                    if (sql.charAt(i) == close) {
                        if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
            } else if (isWordCharacter(c)) {
                while (i < sql.length() && isWordCharacter(sql.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
            words[n] = sql.substring(begin, i);
        }
        return words;
    }

    /** An identifier as written ({@code "a""b"}, {@code [a]}, {@code `a`}, {@code 'a'}, {@code a}) without its quotes. */
    static String unquote(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char first = identifier.charAt(0);
        char last = identifier.charAt(identifier.length() - 1);
        if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '\'' && last == '\'')) {
            String inner = identifier.substring(1, identifier.length() - 1);
            return inner.replace(String.valueOf(first) + first, String.valueOf(first));
        }
        if (first == '[' && last == ']') {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }

    /** {@code name} as an SQL identifier in double quotes. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
