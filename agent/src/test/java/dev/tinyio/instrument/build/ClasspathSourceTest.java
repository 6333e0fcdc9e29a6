package dev.tinyio.instrument.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.instrument.ContractVersion;
import dev.tinyio.instrument.IncompatibleContractException;
import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

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
            assertEquals("java/lang/String", new ClassReader(source.bytesOf("java/lang/String")).getClassName());
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

    @Test
    void a_malformed_index_beside_a_class_is_named_with_its_folder_and_the_line() throws IOException {
        Path folder = root.resolve("dependency");
        write(folder.resolve("x/Y.class"), new byte[] {1});
        write(folder.resolve(SuspendableIndexFile.PATH), ("# tinyio contract " + ContractVersion.CURRENT
                + ": methods that suspend\nx/Y run\n").getBytes(StandardCharsets.UTF_8));
        try (ClasspathSource source = new ClasspathSource(List.of(folder))) {
            UncheckedIOException error = assertThrows(UncheckedIOException.class,
                    () -> source.recordedSuspendableMethods("x/Y"));
            assertEquals("Cannot read META-INF/tinyio/suspendable.idx in " + folder, error.getMessage());
            assertEquals("Malformed line in META-INF/tinyio/suspendable.idx: 'x/Y run'", error.getCause().getMessage());
        }
    }

    @Test
    void an_index_of_another_contract_version_beside_a_class_is_named_with_its_jar() throws IOException {
        Path jar = jar(Map.of("x/Z.class", new byte[] {3},
                SuspendableIndexFile.PATH, "x/Z poll()I\n".getBytes(StandardCharsets.UTF_8)));
        try (ClasspathSource source = new ClasspathSource(List.of(jar))) {
            IncompatibleContractException error = assertThrows(IncompatibleContractException.class,
                    () -> source.recordedSuspendableMethods("x/Z"));
            assertTrue(error.getMessage().startsWith("tinyio: the classes in " + jar + " were instrumented for "
                    + "version 0 of the contract"), error.getMessage());
        }
    }

    @Test
    void a_file_on_the_classpath_that_is_not_a_jar_is_named() throws IOException {
        Path notAJar = root.resolve("lib.jar");
        write(notAJar, "not a jar".getBytes(StandardCharsets.UTF_8));
        try (ClasspathSource source = new ClasspathSource(List.of(notAJar))) {
            UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> source.bytesOf("x/Y"));
            assertEquals("Cannot open " + notAJar + " as a jar", error.getMessage());
        }
    }

    @Test
    void a_jar_entry_that_cannot_be_inflated_is_named_with_its_jar() throws IOException {
        byte[] content = new byte[4096];
        Arrays.fill(content, (byte) 'x');
        Path jar = jar(Map.of("x/Y.class", content));
        corruptCompressedData(jar, "x/Y.class");
        try (ClasspathSource source = new ClasspathSource(List.of(jar))) {
            UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> source.bytesOf("x/Y"));
            assertEquals("Cannot read x/Y.class from " + jar, error.getMessage());
        }
    }

    /** Overwrites the start of an entry's deflated data, just past its local header, with bytes no inflater takes. */
    private static void corruptCompressedData(Path jar, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length < bytes.length; i++) {
            // A local file header: PK\3\4, then the name at offset 30.
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4
                    && Arrays.equals(Arrays.copyOfRange(bytes, i + 30, i + 30 + name.length), name)) {
                int extra = (bytes[i + 28] & 0xFF) | (bytes[i + 29] & 0xFF) << 8;
                int data = i + 30 + name.length + extra;
                Arrays.fill(bytes, data, data + 8, (byte) 0xFF);
                Files.write(jar, bytes);
                return;
            }
        }
        throw new IllegalStateException("no local header for " + entry + " in " + jar);
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
