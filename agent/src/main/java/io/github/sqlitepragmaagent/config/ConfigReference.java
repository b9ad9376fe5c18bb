package io.github.sqlitepragmaagent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Renders the README's configuration reference from the option catalog, so that the documented keys,
 * defaults and values are the ones the agent accepts. {@code ConfigReferenceTest} fails when the
 * README differs; this class's {@code main} rewrites the README's marked section.
 */
public final class ConfigReference {

    static final String START = "<!-- config-reference:start -->";
    static final String END = "<!-- config-reference:end -->";
    /** The command that regenerates the section, from the repository root. */
    static final String REGENERATE = "mvn -B -q compile -pl agent && java -cp agent/target/classes "
            + ConfigReference.class.getName() + " README.md";

    private ConfigReference() {}

    /** Rewrites the marked section of the Markdown file named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: " + REGENERATE);
            System.exit(2);
        }
        Path readme = Paths.get(args[0]);
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        String updated = replaceSection(text);
        if (updated == null) {
            System.err.println(readme + " has no " + START + " ... " + END + " section");
            System.exit(1);
        }
        Files.write(readme, updated.getBytes(StandardCharsets.UTF_8));
        System.out.println(updated.equals(text) ? readme + " was up to date" : readme + ": configuration reference regenerated");
    }

    /** {@code text} with its marked section replaced by {@link #markdown()}, or null when it has no such section. */
    static String replaceSection(String text) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            return null;
        }
        return text.substring(0, start) + START + "\n" + markdown() + END + text.substring(end + END.length());
    }

    /** The text between the markers of {@code text}, or null when it has no such section. */
    static String section(String text) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        return start < 0 || end < start ? null : text.substring(start + START.length() + 1, end);
    }

    /** The reference: the agent's own keys, the pragmas, the rule keys, each as a Markdown table. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("<!-- Generated from the agent's option catalog; do not edit here. Change the descriptions in\n")
                .append("     agent/src/main/java/io/github/sqlitepragmaagent/config and run: ").append(REGENERATE)
                .append(" -->\n\n");
        out.append("### The agent's own keys\n\n");
        header(out);
        for (ConfigOption<?> option : AgentOptions.all()) {
            row(out, option.key(), option);
        }
        out.append("\n### Pragmas (the allow-list)\n\n")
                .append("Any of these, by its bare SQLite name, sets or changes a value; nothing else is accepted. Pragmas\n")
                .append("with a default are applied unless set to `keep`; the others only when configured. Values are checked\n")
                .append("against what each pragma accepts, and the SQL the agent runs is rebuilt from the recognised word or\n")
                .append("parsed number, never copied from the configuration: `journal_mode=WAL; DROP TABLE t` is refused.\n")
                .append("Every pragma also accepts `keep` (leave it untouched).\n\n");
        header(out);
        for (PragmaSpec spec : PragmaCatalog.all()) {
            row(out, spec.name(), spec.option(), spec.values());
        }
        out.append("\n### Per-database rule keys\n\n")
                .append("N is a whole number giving the order in which rules are tried (see Per-database rules).\n\n");
        header(out);
        for (ConfigOption<?> option : RuleKeys.ownKeys()) {
            row(out, option.key(), option);
        }
        for (ConfigOption<?> option : AgentOptions.all()) {
            if (option.inRules()) {
                // A rule that does not set the key takes the global value, whatever the global default is.
                row(out, "rule.N." + option.key(), "the global value", option.allowed(), option.description());
            }
        }
        out.append("| `rule.N.PRAGMA` | the global value | the pragma's values, or keep |")
                .append(" any pragma above, for the rule's databases only |\n\n");
        return out.toString();
    }

    private static void header(StringBuilder out) {
        out.append("| key | default | values | what it does |\n|---|---|---|---|\n");
    }

    private static void row(StringBuilder out, String key, ConfigOption<?> option) {
        row(out, key, option, option.allowed());
    }

    private static void row(StringBuilder out, String key, ConfigOption<?> option, String values) {
        row(out, key, option.defaultText() == null ? "—" : "`" + option.defaultText() + "`", values, option.description());
    }

    private static void row(StringBuilder out, String key, String defaultCell, String values, String description) {
        out.append("| `").append(key).append("` | ").append(defaultCell).append(" | ")
                .append(plain(values)).append(" | ")
                .append(description.replace("|", "\\|")).append(" |\n");
    }

    /** Plain text for a Markdown table cell: characters Markdown would take as formatting are escaped. */
    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '*' || c == '_' || c == '<' || c == '>' || c == '`' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
