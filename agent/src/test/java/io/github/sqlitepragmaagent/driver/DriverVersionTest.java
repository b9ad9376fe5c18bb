package io.github.sqlitepragmaagent.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DriverVersionTest {

    @Test
    void versionsCompareNumberByNumber() {
        assertTrue(DriverVersion.compare("3.9.0", "3.10.0") < 0);
        assertTrue(DriverVersion.compare("3.54.1.0", "3.25.2") > 0);
        assertEquals(0, DriverVersion.compare("3.25.2", "3.25.2.0"));
        assertTrue(DriverVersion.compare("3.25.2", "3.25.2.1") < 0);
    }

    @Test
    void anythingButDigitsSeparatesNumbersSoJarNamesCompareByTheirVersion() {
        assertTrue(DriverVersion.compare("sqlite-jdbc-3.8.11.2.jar", "sqlite-jdbc-3.45.0.0.jar") < 0);
        assertTrue(DriverVersion.compare("sqlite-jdbc-3.50.1.0.jar", "sqlite-jdbc-3.45.0.0.jar") > 0);
    }

    @Test
    void onlyAKnownVersionBelowTheOldestSupportedIsTooOld() {
        assertTrue(DriverVersion.tooOld("3.25.1"));
        assertTrue(DriverVersion.tooOld("3.8.11.2"));
        assertFalse(DriverVersion.tooOld("3.25.2"));
        assertFalse(DriverVersion.tooOld("3.54.1.0"));
        assertFalse(DriverVersion.tooOld("unknown"));
        assertFalse(DriverVersion.tooOld("3.7-SNAPSHOT"));
        assertFalse(DriverVersion.tooOld("3"));
        assertFalse(DriverVersion.tooOld("3..1"));
        assertFalse(DriverVersion.tooOld(""));
    }
}
