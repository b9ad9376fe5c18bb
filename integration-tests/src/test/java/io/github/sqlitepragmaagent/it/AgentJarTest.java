package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shipped jar: self-contained, everything bundled relocated, Java 8 bytecode, a complete manifest. */
class AgentJarTest {

    @Test
    void nothingBundledIsLeftUnrelocatedAndNoDriverIsBundled() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (JarFile jar = new JarFile(AppJvm.AGENT_JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("io/github/sqlitepragmaagent/")) {
                    offenders.add(name);
                }
                if (name.startsWith("org/sqlite/") || name.contains("module-info.class") || name.startsWith("META-INF/versions/")) {
                    offenders.add(name);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theManifestDeclaresBothEntryPointsAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(AppJvm.AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("io.github.sqlitepragmaagent.entry.AgentEntry", main.getValue("Premain-Class"));
            assertEquals("io.github.sqlitepragmaagent.entry.AgentEntry", main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
            assertTrue(main.getValue("Implementation-Version") != null);
        }
    }

    @Test
    void everyClassIsJava8Bytecode() throws IOException {
        List<String> tooNew = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(AppJvm.AGENT_JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
                    data.readInt();
                    data.readUnsignedShort();
                    int major = data.readUnsignedShort();
                    if (major > 52) {
                        tooNew.add(entry.getName() + " (class file " + major + ")");
                    }
                }
            }
        }
        assertTrue(classes > 100, "the jar has its classes");
        assertEquals(List.of(), tooNew);
    }

    @Test
    void itCarriesItsLicenseAndTheBundledLibrariesNotices() throws IOException {
        try (JarFile jar = new JarFile(AppJvm.AGENT_JAR.toFile())) {
            String license = read(jar, "META-INF/LICENSE");
            assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004")
                    && license.contains("END OF TERMS AND CONDITIONS"), "the full Apache-2.0 text");
            String notice = read(jar, "META-INF/NOTICE");
            assertTrue(notice.startsWith("sqlite-pragma-agent\n"), notice);
            for (String bundled : new String[] {"Byte Buddy", "Rafael Winterhalter", "ASM", "SLF4J", "QOS.ch"}) {
                assertTrue(notice.contains(bundled), bundled + " in " + notice);
            }
            assertTrue(read(jar, "META-INF/licenses/ASM").contains("INRIA"));
            assertTrue(read(jar, "META-INF/licenses/SLF4J").contains("Permission is hereby granted"));
            assertEquals(null, jar.getEntry("META-INF/LICENSE.txt"), "no second, unexplained license file");
        }
    }

    @Test
    void noUnshadedJarSitsNextToTheRealOne() throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> beside = java.nio.file.Files.list(AppJvm.AGENT_JAR.getParent())) {
            assertEquals(List.of(), beside.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".jar") && name.contains("original")).toList());
        }
    }

    private static String read(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertTrue(entry != null, name + " is in the jar");
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
