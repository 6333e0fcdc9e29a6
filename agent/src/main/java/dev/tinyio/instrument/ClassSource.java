package dev.tinyio.instrument;

import java.util.Set;

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
     * The suspendable methods of a class instrumented earlier, as the {@link SuspendableIndexFile} beside it
     * records them. The instrumenter asks only for classes already marked as instrumented, whose own bytes no
     * longer show their yields.
     *
     * @param internalName the class's internal name
     * @return each suspendable method as name followed by descriptor, or {@code null} if no index lists the class
     *     (then its bytes are analysed as they are)
     */
    default Set<String> recordedSuspendableMethods(String internalName) {
        return null;
    }

    /**
     * Reads class files, and the indexes beside them, as resources of a class loader. The loader is held weakly,
     * so a cache keyed by it does not keep it alive.
     *
     * @param loader the loader, or {@code null} for the bootstrap loader
     * @return the source
     */
    static ClassSource of(ClassLoader loader) {
        return new LoaderClassSource(loader);
    }
}
