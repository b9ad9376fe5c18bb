package io.github.sqlitepragmaagent.statements;

/**
 * Tells from the first statement of a transaction whether the transaction is a schema migration, and
 * from a later one whether it may write.
 *
 * <p>It has to be the first statement: SQLite ignores {@code PRAGMA foreign_keys} inside a transaction,
 * so the agent can switch foreign keys off for a migration only before the delayed begin runs. What a
 * migration begins with, measured: Liquibase and hand-written JDBC migrations begin with their DDL;
 * Flyway (13) begins every migration's transaction by reading {@code sqlite_master} for its history
 * table. Ordinary work begins with neither. (An app that writes {@code PRAGMA foreign_keys=OFF} first
 * needs no help: the pragma runs before the delayed begin, and the setting is the app's from then on.)
 */
final class MigrationStart {

    private MigrationStart() {}

    /**
     * Why a transaction whose first statement is {@code sql} is a schema migration, for the log; null
     * when it does not look like one.
     */
    static String reasonOf(String sql) {
        if (sql == null) {
            return null;
        }
        char first = SqlText.firstLetter(sql);
        if ((first == 'C' || first == 'A' || first == 'D') && isDdl(sql)) {
            return "its first statement is DDL";
        }
        if (first == 'S' && SqlText.startsWithWord(sql, "SELECT") && readsSchema(sql)) {
            return "its first statement reads sqlite_master";
        }
        return null;
    }

    /** CREATE, ALTER or DROP of something in the database file: a temporary table is a connection's scratch space. */
    static boolean isDdl(String sql) {
        if (SqlText.startsWithWord(sql, "ALTER") || SqlText.startsWithWord(sql, "DROP")) {
            return true;
        }
        if (!SqlText.startsWithWord(sql, "CREATE")) {
            return false;
        }
        String second = SqlText.firstWords(sql, 2)[1];
        return second != null && !second.equalsIgnoreCase("TEMP") && !second.equalsIgnoreCase("TEMPORARY");
    }

    /**
     * False only for statements that cannot change a row or the schema (SELECT, VALUES, EXPLAIN, PRAGMA);
     * true for everything else, a statement the driver runs without its text (a batch) included.
     */
    static boolean mayWrite(String sql) {
        if (sql == null) {
            return true;
        }
        char first = SqlText.firstLetter(sql);
        if (first == 'S') {
            return !SqlText.startsWithWord(sql, "SELECT");
        }
        if (first == 'P') {
            // No pragma but foreign_keys (ignored inside a transaction) changes what foreign_key_check finds.
            return !SqlText.startsWithWord(sql, "PRAGMA");
        }
        if (first == 'V') {
            return !SqlText.startsWithWord(sql, "VALUES");
        }
        if (first == 'E') {
            return !SqlText.startsWithWord(sql, "EXPLAIN");
        }
        return true;
    }

    /** The text names the schema table (sqlite_master, sqlite_schema), in any case or quoting. */
    private static boolean readsSchema(String sql) {
        // Runs on the first statement of every transaction: one pass, no copy of the text.
        int last = sql.length() - "sqlite_schema".length();
        for (int at = 0; at <= last; at++) {
            char c = sql.charAt(at);
            if ((c == 's' || c == 'S') && sql.regionMatches(true, at, "sqlite_", 0, 7)
                    && (sql.regionMatches(true, at + 7, "master", 0, 6) || sql.regionMatches(true, at + 7, "schema", 0, 6))) {
                return true;
            }
        }
        return false;
    }
}
