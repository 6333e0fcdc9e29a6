package dev.tinyio.instrument;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Class files and suspendable-method indexes read as resources of a class loader: {@link ClassSource#of}. */
final class LoaderClassSource implements ClassSource {
    /** Held weakly, so that a cache keyed by the loader does not keep it alive. */
    private final WeakReference<ClassLoader> loader;
    private final boolean bootstrap;
    /** The index of each jar or folder asked about so far, by the address of its root; empty if it has none. */
    private final Map<String, Optional<Map<String, Set<String>>>> indexes = new ConcurrentHashMap<>();

    LoaderClassSource(ClassLoader loader) {
        this.loader = new WeakReference<>(loader);
        this.bootstrap = loader == null;
    }

    @Override
    public byte[] bytesOf(String internalName) {
        ClassLoader current = current();
        if (current == null) {
            return null;
        }
        try (InputStream in = current.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class file of " + internalName, e);
        }
    }

    @Override
    public Set<String> recordedSuspendableMethods(String internalName) {
        ClassLoader current = current();
        String classFile = internalName + ".class";
        URL url = current == null ? null : current.getResource(classFile);
        if (url == null || !url.toString().endsWith(classFile)) {
            return null;
        }
        // The index that describes a class is the one in the same jar or folder, whatever else the loader sees.
        String root = url.toString().substring(0, url.toString().length() - classFile.length());
        return indexes.computeIfAbsent(root, LoaderClassSource::readIndex)
                .map(byClass -> byClass.get(internalName))
                .orElse(null);
    }

    private ClassLoader current() {
        return bootstrap ? ClassLoader.getPlatformClassLoader() : loader.get();
    }

    /** The index of the jar or folder at an address, if it has one. */
    private static Optional<Map<String, Set<String>>> readIndex(String root) {
        try (InputStream in = new URL(root + SuspendableIndexFile.PATH).openStream()) {
            return Optional.of(SuspendableIndexFile.read(in, location(root)));
        } catch (FileNotFoundException | NoSuchFileException | MalformedURLException | IllegalArgumentException e) {
            // No index there, or a resource that is not a jar or folder we can look beside.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + SuspendableIndexFile.PATH, e);
        }
    }

    /** The jar or folder at an address, as a path when it is a file's. */
    private static String location(String root) {
        String address = root.startsWith("jar:") && root.endsWith("!/") ? root.substring(4, root.length() - 2) : root;
        try {
            return Path.of(URI.create(address)).toString();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // Not a file's address, such as a jar inside a jar: the address says where it is.
            return root;
        }
    }
}
