package io.github.sqlitepragmaagent.driver;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class DriverCopiesTest {

    private final ClassLoader webappA = new URLClassLoader(new URL[0], null);
    private final ClassLoader webappB = new URLClassLoader(new URL[0], null);
    private final DriverCopies copies = new DriverCopies();

    @Test
    void oneCopyOpeningADatabaseAgainAndAgainIsNoNews() {
        assertNull(copies.anotherCopy("/srv/a.db", webappA));
        assertNull(copies.anotherCopy("/srv/a.db", webappA));
        assertNull(copies.anotherCopy("/srv/a.db", webappA));
    }

    @Test
    void aSecondCopyOnTheSameDatabaseNamesTheFirstOnce() {
        copies.anotherCopy("/srv/a.db", webappA);

        assertSame(webappA, copies.anotherCopy("/srv/a.db", webappB));
        assertNull(copies.anotherCopy("/srv/a.db", webappB), "already told");
        assertNull(copies.anotherCopy("/srv/a.db", webappA), "both known: switching back is no news");
        assertNull(copies.anotherCopy("/srv/a.db", webappB));
    }

    @Test
    void twoCopiesOnDifferentDatabasesAreFine() {
        assertNull(copies.anotherCopy("/srv/a.db", webappA));
        assertNull(copies.anotherCopy("/srv/b.db", webappB));
    }
}
