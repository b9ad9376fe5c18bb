package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a test app prints about its own connection: one {@code LABEL.pragma=value} line per pragma,
 * read with the app's own statements, which the tests parse.
 */
public final class Report {

    public static final List<String> DEFAULTS =
            List.of("journal_mode", "synchronous", "cache_size", "foreign_keys", "busy_timeout", "temp_store");

    private Report() {}

    /** The Java the app runs on, for the compatibility table. */
    public static void jvm() {
        System.out.println("jvm.version=" + System.getProperty("java.version"));
    }

    public static void print(String label, Connection connection, String... extra) throws SQLException {
        List<String> pragmas = new ArrayList<>(DEFAULTS);
        pragmas.addAll(Arrays.asList(extra));
        try (Statement statement = connection.createStatement()) {
            for (String pragma : pragmas) {
                try (ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
                    System.out.println(label + "." + pragma + "=" + (result.next() ? result.getString(1) : "none"));
                }
            }
        }
    }
}
