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
                if (trimmed.isEmpty()) {
                    // "verbose,,failfast" or a trailing comma: nothing between the commas, nothing to do.
                    continue;
                } else if (name.equals("failfast")) {
                    failFast = true;
                } else if (name.equals("verbose")) {
                    verbose = true;
                } else if (name.startsWith("dump=")) {
                    dump = Path.of(valueOf(trimmed, "dump=", "a folder to write the instrumented classes to"));
                } else if (name.startsWith("include=")) {
                    classes = classes.include(valueOf(trimmed, "include=", "class name patterns"));
                } else if (name.startsWith("exclude=")) {
                    classes = classes.exclude(valueOf(trimmed, "exclude=", "class name patterns"));
                } else {
                    throw new IllegalArgumentException("Unknown tinyio agent option '" + option + "'. Known options: "
                            + "failfast, verbose, dump=<folder>, include=<classes>, exclude=<classes> (class name "
                            + "patterns such as com.acme.* separated by ;).");
                }
            }
        }
        return new AgentOptions(failFast, verbose, dump, classes);
    }

    /** The value after an option's {@code =}, which must not be empty: an empty one is a slip, not "all". */
    private static String valueOf(String option, String prefix, String what) {
        String value = option.substring(prefix.length()).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The tinyio agent option '" + option + "' needs " + what + " after '"
                    + prefix + "', for example " + prefix + (prefix.equals("dump=") ? "target/tinyio-dump"
                    : "com.acme.*;org.example.Main") + ".");
        }
        return value;
    }
}
