package dev.tinyio.instrument.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scan against a plain search at every position, over real class files: they must agree on each. */
class ClassScanAgreementTest {
    @Test
    void agrees_on_every_class_of_java_base() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));

        Comparison comparison = new Comparison();
        comparison.compareUnder(jrt.getPath("/modules/java.base"));

        assertTrue(comparison.files > 5_000, comparison.files + " class files");
        assertEquals(List.of(), comparison.disagreements);
    }

    @Test
    void agrees_on_the_project_s_own_classes() throws IOException, URISyntaxException {
        Comparison comparison = new Comparison();
        for (Class<?> inside : List.of(ClassScan.class, ClassScanTest.class, Coro.class)) {
            Path location = Path.of(inside.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                comparison.compareUnder(location);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    comparison.compareUnder(jar.getPath("/"));
                }
            }
        }

        assertTrue(comparison.mentioning > 100, comparison.mentioning + " class files mention the library");
        assertEquals(List.of(), comparison.disagreements);
    }

    private static final class Comparison {
        int files;
        int mentioning;
        final List<String> disagreements = new ArrayList<>();

        void compareUnder(Path root) throws IOException {
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                    try {
                        compare(file.toString(), Files.readAllBytes(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }

        private void compare(String name, byte[] classFile) {
            files++;
            boolean scanned = ClassScan.mentionsTinyio(classFile);
            if (scanned) {
                mentioning++;
            }
            if (scanned != WholeFileSearch.mentionsTinyio(classFile)) {
                disagreements.add(name + ": scan " + scanned);
            }
        }
    }
}
