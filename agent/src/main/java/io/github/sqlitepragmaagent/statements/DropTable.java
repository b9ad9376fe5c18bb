package io.github.sqlitepragmaagent.statements;


/** The table a {@code DROP TABLE [IF EXISTS] [schema.]name} statement drops, read from its text. */
final class DropTable {

    private DropTable() {}

    /** The dropped table's name (unquoted), or null when {@code sql} is not a DROP TABLE of the main schema. */
    static String tableOf(String sql) {
        if (sql == null || !SqlText.startsWithWord(sql, "DROP")) {
            return null;
        }
        String[] words = SqlText.firstWords(sql, 8);
        if (!"TABLE".equalsIgnoreCase(words[1])) {
            return null;
        }
        int at = 2;
        if ("IF".equalsIgnoreCase(words[at]) && "EXISTS".equalsIgnoreCase(words[at + 1])) {
            at += 2;
        }
        String first = words[at];
        if (first == null) {
            return null;
        }
        if (".".equals(words[at + 1])) {
            String schema = SqlText.unquote(first);
            // Only the main schema's children are looked at; an attached or temp schema is left as it is.
            return "main".equalsIgnoreCase(schema) ? SqlText.unquote(words[at + 2]) : null;
        }
        return SqlText.unquote(first);
    }
}
