package dev.tinyio.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Where the application's own classes are, which the agent analyses together as one program: every class in a
 * class folder (as an IDE or {@code mvn test} runs them), on the class path or an exploded module's on the module
 * path, and, when {@code include=} names classes, those classes in jars too, wherever they are. The include and
 * exclude options apply to both. Other classes in jars are the libraries', analysed one at a time as they load, and
 * only if they name tinyio.
 */
final class ApplicationClasses {
    private final ClassFilter filter;

    ApplicationClasses(ClassFilter filter) {
        this.filter = filter;
    }

    /**
     * Whether a folder or jar can hold application classes.
     *
     * @param root a class folder or a jar
     * @return true for folders, and for jars when {@code include=} names classes
     */
    boolean covers(Path root) {
        return Files.isDirectory(root) || filter.namesClasses() && Files.isRegularFile(root);
    }

    /**
     * The folders and jars of the system class loader: those of the class path, a jar's manifest {@code Class-Path}
     * followed (Surefire and IDEs start tests through a jar that only names the real class path), then those of
     * the named modules it loads from the module path, each an exploded module's folder or a jar.
     *
     * @return the roots, in class path order, then by module name
     */
    static List<Path> systemClassPath() {
        Set<Path> roots = new LinkedHashSet<>();
        for (String element : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!element.isBlank()) {
                addWithManifest(Path.of(element).toAbsolutePath().normalize(), roots);
            }
        }
        ModuleLayer.boot().configuration().modules().stream()
                .sorted(Comparator.comparing(ResolvedModule::name))
                .flatMap(module -> module.reference().location().stream())
                .filter(location -> "file".equals(location.getScheme()))
                .forEach(location -> roots.add(Path.of(location).toAbsolutePath().normalize()));
        return List.copyOf(roots);
    }

    private static void addWithManifest(Path root, Set<Path> roots) {
        if (!roots.add(root) || !Files.isRegularFile(root)) {
            return;
        }
        try (JarFile jar = new JarFile(root.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            URL base = root.toUri().toURL();
            for (String entry : classPath.trim().split("\\s+")) {
                Path path = pathOf(new URL(base, entry));
                if (path != null) {
                    addWithManifest(path.normalize(), roots);
                }
            }
        } catch (IOException e) {
            // Not a jar, or one that cannot be read: it adds nothing to the class path.
        }
    }

    /**
     * The folder or jar a class was loaded from, if it is one on the file system.
     *
     * @param location the code source's location
     * @return its path, or {@code null}
     */
    static Path pathOf(URL location) {
        if (location == null || !location.getProtocol().equals("file")) {
            return null;
        }
        try {
            return Path.of(location.toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Reads the application classes of a folder or jar.
     *
     * @param root the folder or jar
     * @return the class files, by their path in the root
     */
    Map<String, byte[]> read(Path root) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try {
            if (Files.isDirectory(root)) {
                readFolder(root, classes);
            } else if (Files.isRegularFile(root)) {
                readJar(root, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tinyio cannot read the classes in " + root, e);
        }
        return classes;
    }

    private void readFolder(Path root, Map<String, byte[]> classes) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file)).forEach(files::add);
        }
        for (Path file : files) {
            String path = root.relativize(file).toString().replace(File.separatorChar, '/');
            if (accepts(path)) {
                classes.put(path, Files.readAllBytes(file));
            }
        }
    }

    private void readJar(Path root, Map<String, byte[]> classes) throws IOException {
        try (JarFile jar = new JarFile(root.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && accepts(entry.getName())) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    /** A class file at its class's path, not a multi-release variant or module descriptor, that the options accept. */
    private boolean accepts(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class")
                && filter.accepts(path.substring(0, path.length() - ".class".length()));
    }
}
