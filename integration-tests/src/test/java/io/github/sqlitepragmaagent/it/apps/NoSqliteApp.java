package io.github.sqlitepragmaagent.it.apps;

/** An app that never touches SQLite: the agent must cost it next to nothing. */
public final class NoSqliteApp {

    public static void main(String[] args) {
        System.out.println("app.done=true");
    }
}
