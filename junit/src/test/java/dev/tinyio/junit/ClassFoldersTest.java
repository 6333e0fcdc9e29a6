package dev.tinyio.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFoldersTest {
    @TempDir
    Path temp;

    @Test
    void a_loader_has_the_folders_of_its_class_path_and_not_its_jars() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path jar = jar(temp.resolve("lib.jar"), null);
        try (URLClassLoader loader = new URLClassLoader(urls(jar, classes), null)) {
            assertEquals(Set.of(classes.toRealPath()), realPaths(ClassFolders.onClassPathOf(loader)));
        }
    }

    @Test
    void folders_named_by_a_manifest_only_jar_count_as_surefire_starts_tests() throws IOException {
        Path testClasses = Files.createDirectories(temp.resolve("test-classes"));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path booter = jar(temp.resolve("booter.jar"), "test-classes/ classes/");
        try (URLClassLoader loader = new URLClassLoader(urls(booter), null)) {
            assertEquals(List.of(testClasses.toRealPath(), classes.toRealPath()),
                    List.copyOf(realPaths(ClassFolders.onClassPathOf(loader))));
        }
    }

    @Test
    void a_class_from_a_jar_or_the_jdk_has_no_folder() {
        assertNull(ClassFolders.folderOf(String.class));
        assertNull(ClassFolders.folderOf(Test.class));
        assertEquals(Path.of("target", "test-classes").toAbsolutePath(), ClassFolders.folderOf(ClassFoldersTest.class));
    }

    @Test
    void class_files_are_read_by_their_path_and_the_first_folder_wins() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        write(first.resolve("com/acme/Feed.class"), 1);
        write(second.resolve("com/acme/Feed.class"), 2);
        write(second.resolve("com/acme/Other.class"), 3);
        write(second.resolve("com/acme/package-info.class"), 4);
        write(second.resolve("module-info.class"), 5);
        write(second.resolve("META-INF/versions/11/com/acme/Feed.class"), 6);
        write(second.resolve("com/acme/notes.txt"), 7);
        Map<String, byte[]> read = ClassFolders.read(new LinkedHashSet<>(List.of(first, second)));
        assertEquals(Set.of("com/acme/Feed.class", "com/acme/Other.class"), read.keySet());
        assertArrayEquals(new byte[] {1}, read.get("com/acme/Feed.class"));
    }

    private static void write(Path file, int content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) content});
    }

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    private static URL[] urls(Path... paths) throws IOException {
        URL[] urls = new URL[paths.length];
        for (int i = 0; i < paths.length; i++) {
            urls[i] = paths[i].toUri().toURL();
        }
        return urls;
    }

    private static Set<Path> realPaths(Set<Path> paths) throws IOException {
        Set<Path> real = new LinkedHashSet<>();
        for (Path path : paths) {
            real.add(path.toRealPath());
        }
        return real;
    }
}
