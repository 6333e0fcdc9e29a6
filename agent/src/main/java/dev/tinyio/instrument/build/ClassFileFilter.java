package dev.tinyio.instrument.build;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which class files of a folder are instrumented: Ant-style patterns on their paths relative to the output folder, such
 * as {@code com/acme/Feed.class}. {@code **} stands for any number of folders, {@code *} for any characters
 * within one name and {@code ?} for one; a pattern ending in {@code /} means everything under that folder.
 */
public final class ClassFileFilter {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    /**
     * A filter.
     *
     * @param includes the class files to instrument; all when {@code null} or empty
     * @param excludes the class files left alone even when included; none when {@code null}
     */
    public ClassFileFilter(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    /**
     * Whether a class file is instrumented.
     *
     * @param path its path relative to the output folder, with {@code /} between names
     * @return true if it is included and not excluded
     */
    public boolean accepts(String path) {
        return (includes.isEmpty() || matchesAny(includes, path)) && !matchesAny(excludes, path);
    }

    private static boolean matchesAny(List<Pattern> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(ClassFileFilter::toRegex).toList();
    }

    /**
     * The regular expression of an Ant-style pattern.
     *
     * @param antPattern the pattern, with {@code /} or {@code \} between names
     * @return the expression matching the same paths
     */
    static Pattern toRegex(String antPattern) {
        String normalised = antPattern.trim().replace('\\', '/');
        if (normalised.endsWith("/")) {
            normalised += "**";
        }
        if (normalised.startsWith("/")) {
            normalised = normalised.substring(1);
        }
        String[] names = normalised.split("/");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            boolean last = i == names.length - 1;
            if (names[i].equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            for (char c : names[i].toCharArray()) {
                regex.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
            }
            if (!last) {
                regex.append('/');
            }
        }
        return Pattern.compile(regex.toString());
    }
}
