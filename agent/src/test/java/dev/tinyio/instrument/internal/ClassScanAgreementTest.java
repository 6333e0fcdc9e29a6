package dev.tinyio.instrument.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The constant-pool scan against a search of the whole file, over real class files: they may differ only where
 * the whole-file search finds the name outside every Utf8 entry, say across two of them.
 */
class ClassScanAgreementTest {
    private static final int UTF8 = 1;

    @Test
    void agrees_on_every_class_of_java_base() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));

        Comparison comparison = compareUnder(jrt.getPath("/modules/java.base"));

        assertTrue(comparison.files > 5_000, comparison.files + " class files");
        assertEquals(List.of(), comparison.disagreements);
    }

    @Test
    void agrees_on_the_project_s_own_classes() throws IOException, URISyntaxException {
        Comparison comparison = new Comparison();
        for (Class<?> inside : List.of(ClassScan.class, ClassScanTest.class, Coro.class)) {
            Path location = Path.of(inside.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                comparison.add(compareUnder(location));
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    comparison.add(compareUnder(jar.getPath("/")));
                }
            }
        }

        assertTrue(comparison.mentioning > 100, comparison.mentioning + " class files mention the library");
        assertEquals(List.of(), comparison.disagreements);
    }

    private static Comparison compareUnder(Path root) throws IOException {
        Comparison comparison = new Comparison();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                try {
                    comparison.compare(file.toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        if (!comparison.split.isEmpty()) {
            System.out.println("Named only outside Utf8 entries, under " + root + ": " + comparison.split);
        }
        return comparison;
    }

    /** Whether some Utf8 entry holds the name, by ASM's reading of the constant pool. */
    private static boolean anyUtf8Mentions(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && classFile[offset - 1] == UTF8) {
                int length = reader.readUnsignedShort(offset);
                String text = new String(classFile, offset + 2, length, StandardCharsets.ISO_8859_1);
                if (text.contains("dev/tinyio/")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class Comparison {
        int files;
        int mentioning;
        final List<String> disagreements = new ArrayList<>();
        /** Files the whole-file search alone finds the name in, outside every Utf8 entry. */
        final List<String> split = new ArrayList<>();

        void compare(String name, byte[] classFile) {
            files++;
            boolean scanned = ClassScan.mentionsTinyio(classFile);
            boolean searched = WholeFileSearch.mentionsTinyio(classFile);
            if (scanned) {
                mentioning++;
            }
            if (scanned != searched) {
                if (searched && !anyUtf8Mentions(classFile)) {
                    split.add(name);
                } else {
                    disagreements.add(name + ": scan " + scanned + ", whole file " + searched);
                }
            }
        }

        void add(Comparison other) {
            files += other.files;
            mentioning += other.mentioning;
            disagreements.addAll(other.disagreements);
            split.addAll(other.split);
        }
    }
}
