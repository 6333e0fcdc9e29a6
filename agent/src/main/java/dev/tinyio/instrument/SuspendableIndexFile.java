package dev.tinyio.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * with {@code #} are comments. Classes without suspendable methods are not listed.
 */
public final class SuspendableIndexFile {
    /** Where the index lives, relative to the root of an output folder or jar. */
    public static final String PATH = "META-INF/tinyio/suspendable.idx";

    private SuspendableIndexFile() {
    }

    /**
     * Reads an index.
     *
     * @param in the index; not closed
     * @return the suspendable methods of each class, each as name followed by descriptor
     * @throws IOException if the index cannot be read or a line is malformed
     */
    public static Map<String, Set<String>> read(InputStream in) throws IOException {
        Map<String, Set<String>> byClass = new TreeMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space <= 0 || line.indexOf('(', space) < 0) {
                throw new IOException("Malformed line in " + PATH + ": '" + line + "'");
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
        StringBuilder text = new StringBuilder("# tinyio: methods that suspend, one 'class name+descriptor' a line\n");
        new TreeMap<>(byClass).forEach((owner, methods) -> {
            for (String method : new TreeSet<>(methods)) {
                text.append(owner).append(' ').append(method).append('\n');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
