package dev.tinyio.agent;

import java.util.Locale;

/**
 * The agent's options, from {@code -javaagent:tinyio-agent.jar=option,option}.
 *
 * @param failFast whether a class that cannot be instrumented fails instead of loading uninstrumented
 * @param verbose whether each instrumented class is logged
 */
record AgentOptions(boolean failFast, boolean verbose) {
    /**
     * Parses the option string.
     *
     * @param options comma-separated options, or {@code null}
     * @return the options
     */
    static AgentOptions parse(String options) {
        boolean failFast = false;
        boolean verbose = false;
        if (options != null && !options.isBlank()) {
            for (String option : options.split(",")) {
                switch (option.trim().toLowerCase(Locale.ROOT)) {
                    case "failfast" -> failFast = true;
                    case "verbose" -> verbose = true;
                    default -> throw new IllegalArgumentException("Unknown tinyio agent option '" + option
                            + "'. Known options: failfast, verbose.");
                }
            }
        }
        return new AgentOptions(failFast, verbose);
    }
}
