package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The source of a test sample, to find the lines that the instrumenter's messages name. */
final class SampleSource {
    private static final Path SOURCES = Path.of("src/test/java");

    private SampleSource() {
    }

    /**
     * The number of the one line of a sample's source that holds a marker, such as a comment.
     *
     * @param sample a top-level sample class
     * @param marker the text to find
     * @return the line number, from 1
     */
    static int lineOf(Class<?> sample, String marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SOURCES.resolve(sample.getName().replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                found.add(i + 1);
            }
        }
        assertEquals(1, found.size(), () -> "lines of " + sample.getName() + " holding " + marker);
        return found.get(0);
    }
}
