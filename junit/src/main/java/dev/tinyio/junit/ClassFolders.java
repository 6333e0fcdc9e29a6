package dev.tinyio.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class folders of a program (its main and test classes, as Maven and IDEs run them), where the agent finds
 * the classes it analyses together, and the class files in them.
 */
final class ClassFolders {
    private ClassFolders() {
    }

    /**
     * The class folders a loader loads from: the roots of its class path that are folders, a jar's manifest
     * {@code Class-Path} followed (as Surefire starts tests through a jar that only names the class path).
     *
     * @param loader the loader
     * @return the folders, in class path order
     */
    static Set<Path> onClassPathOf(ClassLoader loader) {
        Set<Path> folders = new LinkedHashSet<>();
        try {
            // Each folder on the class path has an entry for the empty name, its root; jars have none.
            for (URL root : Collections.list(loader.getResources(""))) {
                Path folder = folderAt(root);
                if (folder != null) {
                    folders.add(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tinyio-junit cannot list the class path", e);
        }
        return folders;
    }

    /**
     * The class folder a class was loaded from.
     *
     * @param type the class
     * @return its folder, or {@code null} if it comes from a jar, the JDK, or nowhere on disk
     */
    static Path folderOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : folderAt(source.getLocation());
    }

    private static Path folderAt(URL location) {
        if (location == null || !location.getProtocol().equals("file")) {
            return null;
        }
        try {
            Path path = Path.of(location.toURI()).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads the class files of folders; where two folders hold the same class, the first wins, as on a class path.
     *
     * @param folders the folders
     * @return the class files, by their path in their folder ({@code com/acme/Feed.class})
     */
    static Map<String, byte[]> read(Set<Path> folders) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Path folder : folders) {
            try {
                for (Path file : classFiles(folder)) {
                    String path = folder.relativize(file).toString().replace(File.separatorChar, '/');
                    if (!classes.containsKey(path)) {
                        classes.put(path, Files.readAllBytes(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("tinyio-junit cannot read the classes in " + folder, e);
            }
        }
        return classes;
    }

    /** The class files of a folder, not its module or package descriptors nor multi-release variants. */
    private static List<Path> classFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".class") && !name.equals("module-info.class")
                        && !name.equals("package-info.class") && Files.isRegularFile(file)
                        && !folder.relativize(file).startsWith("META-INF");
            }).forEach(files::add);
        }
        return files;
    }
}
