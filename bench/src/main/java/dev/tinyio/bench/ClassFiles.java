package dev.tinyio.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads class files into memory, from the jar or the folder that a class was loaded from. */
final class ClassFiles {
    private ClassFiles() {
    }

    /**
     * Every class file under a folder of the jar, or of the folder of classes, that a class came from. Module and
     * package descriptors are left out: they are not classes.
     *
     * @param origin a class loaded from that jar or folder
     * @param folder the folder inside it, with a trailing slash, such as {@code org/apache/}
     * @return the class files by path inside the jar, in path order
     * @throws IOException if they cannot be read
     */
    static Map<String, byte[]> under(Class<?> origin, String folder) throws IOException {
        Path location;
        try {
            location = Path.of(origin.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate the classes of " + origin, e);
        }
        Map<String, byte[]> classFiles = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String path = location.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (isClass(path)) {
                        classFiles.put(path, Files.readAllBytes(file));
                    }
                }
            }
            return classFiles;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(folder) && isClass(entry.getName())) {
                    classFiles.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classFiles;
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class") && !path.endsWith("package-info.class");
    }
}
