package io.github.sqlitepragmaagent.benchmarks;

/** A start-up subject that never touches SQLite: what the agent costs an app that does not use it. */
public final class NoSqliteApp {

    private NoSqliteApp() {}

    public static void main(String[] args) {
        System.out.println("main-done without SQLite");
    }
}
