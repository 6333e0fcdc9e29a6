package dev.tinyio.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes the agent instruments, from its {@code include} and {@code exclude} options: lists of class name
 * patterns separated by {@code ;}, where {@code *} stands for any characters (dots included) and {@code ?} for
 * one, so {@code com.acme.*} is every class under {@code com.acme}.
 *
 * @param includes the classes to consider; all when empty
 * @param excludes the classes left alone even when included
 */
record ClassFilter(List<Pattern> includes, List<Pattern> excludes) {
    /** Every class. */
    static final ClassFilter ALL = new ClassFilter(List.of(), List.of());

    /**
     * The filter that adds patterns to this one's includes.
     *
     * @param patterns class name patterns separated by {@code ;}
     * @return the new filter
     */
    ClassFilter include(String patterns) {
        return new ClassFilter(concat(includes, patterns), excludes);
    }

    /**
     * The filter that adds patterns to this one's excludes.
     *
     * @param patterns class name patterns separated by {@code ;}
     * @return the new filter
     */
    ClassFilter exclude(String patterns) {
        return new ClassFilter(includes, concat(excludes, patterns));
    }

    /**
     * Whether {@code include=} names classes: those are the application's wherever they are loaded from.
     *
     * @return true if there are include patterns
     */
    boolean namesClasses() {
        return !includes.isEmpty();
    }

    /**
     * Whether the agent instruments a class.
     *
     * @param internalName the class's internal name, as the JVM hands it to a transformer
     * @return true if it is included and not excluded
     */
    boolean accepts(String internalName) {
        String name = internalName.replace('/', '.');
        return (includes.isEmpty() || matchesAny(includes, name)) && !matchesAny(excludes, name);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> concat(List<Pattern> patterns, String more) {
        List<Pattern> all = new ArrayList<>(patterns);
        for (String wildcard : more.split(";")) {
            if (!wildcard.isBlank()) {
                all.add(toRegex(wildcard.trim()));
            }
        }
        return List.copyOf(all);
    }

    private static Pattern toRegex(String wildcard) {
        StringBuilder regex = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
