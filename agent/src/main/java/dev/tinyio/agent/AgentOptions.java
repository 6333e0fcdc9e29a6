package dev.tinyio.agent;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The agent's options, from {@code -javaagent:tinyio-agent.jar=option,option}.
 *
 * @param failFast whether a class that cannot be instrumented fails instead of loading uninstrumented
 * @param verbose whether each instrumented class is logged
 * @param dump the folder to write each instrumented class and its text form to, or {@code null}
 * @param classes which classes to instrument
 */
record AgentOptions(boolean failFast, boolean verbose, Path dump, ClassFilter classes) {
    /**
     * Parses the option string.
     *
     * @param options comma-separated options, or {@code null}
     * @return the options
     */
    static AgentOptions parse(String options) {
        boolean failFast = false;
        boolean verbose = false;
        Path dump = null;
        ClassFilter classes = ClassFilter.ALL;
        if (options != null && !options.isBlank()) {
            for (String option : options.split(",")) {
                String trimmed = option.trim();
                String name = trimmed.toLowerCase(Locale.ROOT);
                if (name.equals("failfast")) {
                    failFast = true;
                } else if (name.equals("verbose")) {
                    verbose = true;
                } else if (name.startsWith("dump=") && trimmed.length() > "dump=".length()) {
                    dump = Path.of(trimmed.substring("dump=".length()));
                } else if (name.startsWith("include=")) {
                    classes = classes.include(trimmed.substring("include=".length()));
                } else if (name.startsWith("exclude=")) {
                    classes = classes.exclude(trimmed.substring("exclude=".length()));
                } else {
                    throw new IllegalArgumentException("Unknown tinyio agent option '" + option + "'. Known options: "
                            + "failfast, verbose, dump=<folder>, include=<classes>, exclude=<classes> (class name "
                            + "patterns such as com.acme.* separated by ;).");
                }
            }
        }
        return new AgentOptions(failFast, verbose, dump, classes);
    }
}
