package io.github.sqlitepragmaagent.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void eachSwitchIsOnlyOnWhenThePropertyNamesIt() {
        String before = System.getProperty(Faults.PROPERTY);
        try {
            // The integration tests start JVMs with these exact words.
            System.setProperty("sqlite.pragma.agent.test.fault", "audit-hold");
            assertTrue(Faults.AUDIT_HOLD.active());
            assertFalse(Faults.TUNE.active());
            System.setProperty("sqlite.pragma.agent.test.fault", "tune");
            assertTrue(Faults.TUNE.active());
            System.setProperty("sqlite.pragma.agent.test.fault", "bridge");
            assertTrue(Faults.BRIDGE.active());
            assertEquals("injected fault (sqlite.pragma.agent.test.fault=bridge)", Faults.BRIDGE.injected().getMessage());
            System.clearProperty(Faults.PROPERTY);
            assertFalse(Faults.BRIDGE.active());
        } finally {
            if (before == null) {
                System.clearProperty(Faults.PROPERTY);
            } else {
                System.setProperty(Faults.PROPERTY, before);
            }
        }
    }
}
