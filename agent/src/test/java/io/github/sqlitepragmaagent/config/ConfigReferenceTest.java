package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's configuration reference is the option catalog, rendered: this test fails when they drift apart. */
class ConfigReferenceTest {

    /** Surefire runs in the agent module; the README is at the repository root. */
    private static final Path README = Paths.get("..", "README.md");

    @Test
    void theReadmesReferenceIsTheCatalog() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = ConfigReference.section(readme);

        assertNotNull(section, README.toAbsolutePath() + " has no " + ConfigReference.START + " ... "
                + ConfigReference.END + " section");
        assertEquals(ConfigReference.markdown(), section, "README.md's configuration reference differs from the agent's"
                + " option catalog; regenerate it from the repository root with: " + ConfigReference.REGENERATE);
    }

    @Test
    void everyKeyIsInTheReference() {
        String reference = ConfigReference.markdown();
        for (ConfigOption<?> option : AgentOptions.all()) {
            assertTrue(reference.contains("| `" + option.key() + "` |"), option.key());
        }
        for (PragmaSpec spec : PragmaCatalog.all()) {
            assertTrue(reference.contains("| `" + spec.name() + "` |"), spec.name());
        }
        for (String ruleKey : new String[] {"rule.N.match", "rule.N.exclude", "rule.N.transaction_mode", "rule.N.PRAGMA"}) {
            assertTrue(reference.contains("| `" + ruleKey + "` |"), ruleKey);
        }
        assertTrue(reference.contains("| `audit.integrity` | `quick` | quick, full, off |"), reference);
    }

    @Test
    void regeneratingReplacesOnlyTheMarkedSection() {
        String text = "# title\n\nbefore\n" + ConfigReference.START + "\nstale\n" + ConfigReference.END + "\nafter\n";

        String regenerated = ConfigReference.replaceSection(text);

        assertEquals("# title\n\nbefore\n" + ConfigReference.START + "\n" + ConfigReference.markdown()
                + ConfigReference.END + "\nafter\n", regenerated);
        assertEquals(ConfigReference.markdown(), ConfigReference.section(regenerated));
        assertEquals(regenerated, ConfigReference.replaceSection(regenerated), "regenerating twice changes nothing");
    }
}
