package dev.tinyio.instrument.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSourceTest {
    @TempDir
    Path root;

    @Test
    void classes_are_read_from_folders_and_jars_in_classpath_order_then_from_the_jdk() throws IOException {
        Path folder = root.resolve("classes");
        write(folder.resolve("x/Y.class"), new byte[] {1});
        Path jar = jar(Map.of("x/Y.class", new byte[] {2}, "x/Z.class", new byte[] {3}));
        try (ClasspathSource source = new ClasspathSource(List.of(root.resolve("missing"), folder, jar))) {
            assertArrayEquals(new byte[] {1}, source.bytesOf("x/Y"));
            assertArrayEquals(new byte[] {3}, source.bytesOf("x/Z"));
            assertNotNull(source.bytesOf("java/lang/String"));
            assertNull(source.bytesOf("x/Missing"));
        }
    }

    @Test
    void the_record_of_a_class_comes_from_the_index_beside_it() throws IOException {
        Path folder = root.resolve("classes");
        write(folder.resolve("x/Y.class"), new byte[] {1});
        write(folder.resolve(SuspendableIndexFile.PATH),
                SuspendableIndexFile.format(Map.of("x/Y", Set.of("run()V"), "x/Z", Set.of("wrong()V"))));
        Path jar = jar(Map.of("x/Z.class", new byte[] {3},
                SuspendableIndexFile.PATH, SuspendableIndexFile.format(Map.of("x/Z", Set.of("poll()I")))));
        try (ClasspathSource source = new ClasspathSource(List.of(folder, jar))) {
            assertEquals(Set.of("run()V"), source.recordedSuspendableMethods("x/Y"));
            assertEquals(Set.of("poll()I"), source.recordedSuspendableMethods("x/Z"));
            assertNull(source.recordedSuspendableMethods("x/Missing"));
        }
    }

    private Path jar(Map<String, byte[]> entries) throws IOException {
        Path jar = root.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
