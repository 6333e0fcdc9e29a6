package dev.tinyio.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;

/**
 * Reads the bytes of other classes, never loading them: the instrumenter needs them to learn which called methods
 * suspend and how classes relate when it computes stack map frames.
 */
@FunctionalInterface
public interface ClassSource {
    /**
     * The class file of a class.
     *
     * @param internalName the class's internal name, such as {@code java/lang/String}
     * @return its bytes, or {@code null} if this source cannot find it
     */
    byte[] bytesOf(String internalName);

    /**
     * Reads class files as resources of a class loader. The loader is held weakly, so a cache keyed by it does not
     * keep it alive.
     *
     * @param loader the loader, or {@code null} for the bootstrap loader
     * @return the source
     */
    static ClassSource of(ClassLoader loader) {
        WeakReference<ClassLoader> weak = new WeakReference<>(loader);
        boolean bootstrap = loader == null;
        return internalName -> {
            ClassLoader current = bootstrap ? ClassLoader.getPlatformClassLoader() : weak.get();
            if (current == null) {
                return null;
            }
            try (InputStream in = current.getResourceAsStream(internalName + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the class file of " + internalName, e);
            }
        };
    }
}
