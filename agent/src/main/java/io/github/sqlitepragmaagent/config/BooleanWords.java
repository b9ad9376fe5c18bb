package io.github.sqlitepragmaagent.config;

import java.util.Locale;

/**
 * The one reading of a yes/no word, for every switch the agent reads: its own keys, ON/OFF pragmas
 * and the flags in an app's JDBC URL. The words are SQLite's own ({@code sqlite3_uri_boolean}), so a
 * value means the same to the agent as to SQLite.
 */
public final class BooleanWords {

    /** The accepted words, for messages and the reference. */
    public static final String ALLOWED = "true or false (also on/off, yes/no, 1/0)";

    private BooleanWords() {}

    /** TRUE for true/on/yes/1, FALSE for false/off/no/0 (any case, surrounding blanks ignored), else null. */
    public static Boolean parse(String text) {
        if (text == null) {
            return null;
        }
        String word = text.trim().toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("on") || word.equals("yes") || word.equals("1")) {
            return Boolean.TRUE;
        }
        if (word.equals("false") || word.equals("off") || word.equals("no") || word.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
