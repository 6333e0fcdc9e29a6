package dev.tinyio.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The index of suspendable methods that a build writes beside the classes it instrumented, at {@link #PATH} in
 * the output folder or jar. An instrumented class's own bytes no longer show every method that suspends (its
 * {@code Coro.yield} calls were rewritten), so whoever later instruments code calling into it (the agent, or the
 * build of another module) reads the index instead.
 *
 * <p>The format is text, one method per line: the class's internal name, a space, then the method's name
 * directly followed by its descriptor, such as {@code com/acme/Feed poll(I)Ljava/lang/String;}. Lines starting
 * with {@code #} are comments. Classes without suspendable methods are not listed. The header line records the
 * version of the contract between instrumented code and the runtime that the classes were instrumented for, as
 * {@code # tinyio contract 1: ...}; an index without one is of version 0. Indexes merged into one file (a shaded
 * jar's) keep a header line each.
 */
public final class SuspendableIndexFile {
    /** Where the index lives, relative to the root of an output folder or jar. */
    public static final String PATH = "META-INF/tinyio/suspendable.idx";
    /** How the header line starts, before the contract version; a comment to readers that know no versions. */
    private static final String HEADER = "# tinyio contract ";

    private SuspendableIndexFile() {
    }

    /**
     * Reads an index, refusing one of another contract version than this instrumenter's before anything else,
     * since the lines of another version may mean something else.
     *
     * @param in the index; not closed
     * @param location the folder or jar the index is in, which a difference of versions names
     * @return the suspendable methods of each class, each as name followed by descriptor
     * @throws IOException if the index cannot be read or a line is malformed
     * @throws IncompatibleContractException if the index is of another contract version
     */
    public static Map<String, Set<String>> read(InputStream in, String location) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        checkVersion(lines, location);
        Map<String, Set<String>> byClass = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space <= 0 || line.indexOf('(', space) < 0) {
                throw malformed(line);
            }
            byClass.computeIfAbsent(line.substring(0, space), owner -> new TreeSet<>())
                    .add(line.substring(space + 1).trim());
        }
        return byClass;
    }

    /**
     * The text of an index, sorted so that the same classes always give the same bytes.
     *
     * @param byClass the suspendable methods of each class; classes with none are left out
     * @return the index file's bytes
     */
    public static byte[] format(Map<String, ? extends Set<String>> byClass) {
        StringBuilder text = new StringBuilder(HEADER + ContractVersion.CURRENT
                + ": methods that suspend, one 'class name+descriptor' a line\n");
        new TreeMap<>(byClass).forEach((owner, methods) -> {
            for (String method : new TreeSet<>(methods)) {
                text.append(owner).append(' ').append(method).append('\n');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Throws unless every header line of an index, or its lack of one, says this instrumenter's version. */
    private static void checkVersion(List<String> lines, String location) throws IOException {
        List<Integer> versions = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(HEADER)) {
                int end = line.indexOf(':');
                try {
                    versions.add(Integer.parseInt(line.substring(HEADER.length(), end < 0 ? line.length() : end)));
                } catch (NumberFormatException e) {
                    throw malformed(line);
                }
            }
        }
        if (versions.isEmpty()) {
            versions.add(0);
        }
        for (int version : versions) {
            if (version != ContractVersion.CURRENT) {
                throw new IncompatibleContractException("tinyio: the classes in " + location + " were instrumented "
                        + "for version " + version + " of the contract between instrumented code and tinyio's "
                        + "runtime (" + (version == 0 ? "their " + PATH + " records no version" : "as their " + PATH
                        + " records") + "), but this instrumenter implements version " + ContractVersion.CURRENT
                        + ". Build that module again with " + ContractVersion.plugin() + " (mvn clean verify).");
            }
        }
    }

    /** The error of a line that is neither a comment, a header nor a method. */
    private static IOException malformed(String line) {
        return new IOException("Malformed line in " + PATH + ": '" + line + "'");
    }
}
