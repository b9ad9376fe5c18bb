package io.github.sqlitepragmaagent.cli;

/** The command line itself is wrong: exit status 2, a one-line reason, then the command's usage. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String reason) {
        super(reason);
    }
}
