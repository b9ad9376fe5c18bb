package io.github.sqlitepragmaagent.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments split into options and positionals, GNU style: {@code --name value},
 * {@code --name=value}, flags without values, and {@code --} ending the options.
 */
final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<String, String>();
    private final List<String> positionals = new ArrayList<String>();

    private Arguments() {}

    /**
     * @param valued options that take a value
     * @param flags options that take none
     */
    static Arguments parse(List<String> raw, String[] valued, String[] flags) throws UsageException {
        Set<String> withValue = new HashSet<String>(Arrays.asList(valued));
        Set<String> flag = new HashSet<String>(Arrays.asList(flags));
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < raw.size(); i++) {
            String argument = raw.get(i);
            if (optionsEnded || !argument.startsWith("--") || argument.equals("-")) {
                parsed.positionals.add(argument);
                continue;
            }
            if (argument.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            if (withValue.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = argument.substring(equals + 1);
                } else if (i + 1 < raw.size()) {
                    value = raw.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                parsed.options.put(name, value);
            } else if (flag.contains(name) && equals < 0) {
                parsed.options.put(name, "true");
            } else {
                throw new UsageException("unknown option " + argument);
            }
        }
        return parsed;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String value(String option) {
        return options.get(option);
    }

    List<String> positionals() {
        return positionals;
    }
}
