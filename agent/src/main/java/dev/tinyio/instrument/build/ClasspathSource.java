package dev.tinyio.instrument.build;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Class files, and the suspendable-method indexes beside them, read from a project's classpath (output folders
 * and jars) in order, and the JDK's classes from the running JVM. Nothing is loaded. One per goal execution: it is
 * not thread-safe, and it keeps the jars it opened open until closed.
 */
public final class ClasspathSource implements ClassSource, Closeable {
    private final List<Path> elements;
    private final ClassSource platform = ClassSource.of(null);
    private final Map<Path, ZipFile> jars = new HashMap<>();
    /** The index of each element asked about so far; empty if it has none. */
    private final Map<Path, Map<String, Set<String>>> indexes = new HashMap<>();

    /**
     * A source over classpath elements.
     *
     * @param elements folders and jars, first found first used; missing ones are skipped
     */
    public ClasspathSource(List<Path> elements) {
        this.elements = List.copyOf(elements);
    }

    @Override
    public byte[] bytesOf(String internalName) {
        for (Path element : elements) {
            byte[] bytes = read(element, internalName + ".class");
            if (bytes != null) {
                return bytes;
            }
        }
        return platform.bytesOf(internalName);
    }

    @Override
    public Set<String> recordedSuspendableMethods(String internalName) {
        for (Path element : elements) {
            if (contains(element, internalName + ".class")) {
                // The index that describes a class is the one in the same folder or jar.
                return indexes.computeIfAbsent(element, this::readIndex).get(internalName);
            }
        }
        return null;
    }

    private Map<String, Set<String>> readIndex(Path element) {
        byte[] index = read(element, SuspendableIndexFile.PATH);
        if (index == null) {
            return Map.of();
        }
        try (InputStream in = new ByteArrayInputStream(index)) {
            return SuspendableIndexFile.read(in, element.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SuspendableIndexFile.PATH + " in " + element, e);
        }
    }

    private boolean contains(Path element, String entry) {
        if (Files.isDirectory(element)) {
            return Files.isRegularFile(element.resolve(entry));
        }
        ZipFile jar = jar(element);
        return jar != null && jar.getEntry(entry) != null;
    }

    /** An entry of a folder or jar, or {@code null} if it has none. */
    private byte[] read(Path element, String entry) {
        try {
            if (Files.isDirectory(element)) {
                Path file = element.resolve(entry);
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }
            ZipFile jar = jar(element);
            ZipEntry found = jar == null ? null : jar.getEntry(entry);
            if (found == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(found)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + entry + " from " + element, e);
        }
    }

    /** The element as an open jar, or {@code null} if it is missing, such as the output of an empty module. */
    private ZipFile jar(Path element) {
        if (!Files.isRegularFile(element)) {
            return null;
        }
        return jars.computeIfAbsent(element, path -> {
            try {
                return new ZipFile(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + path + " as a jar", e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (ZipFile jar : jars.values()) {
            try {
                jar.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        jars.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
