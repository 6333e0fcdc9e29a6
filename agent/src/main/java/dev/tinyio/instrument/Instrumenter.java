package dev.tinyio.instrument;

import dev.tinyio.instrument.internal.ClassRewriter;

/**
 * The instrumentation core: class file bytes in, class file bytes out. It knows nothing of
 * {@code java.lang.instrument} or of Maven, and never loads a class; the agent and the build plugin are thin
 * adapters around it.
 *
 * <p>Only methods that suspend are rewritten; every other method, and every class that has none, is left as it
 * was. A class is marked when instrumented, and a marked class is never instrumented again.
 */
public final class Instrumenter {
    private final ClassRewriter rewriter;

    /**
     * An instrumenter that resolves calls into other classes, and their hierarchy, through a source of class
     * files.
     *
     * @param classes where to read other classes from
     */
    public Instrumenter(ClassSource classes) {
        this.rewriter = new ClassRewriter(classes);
    }

    /**
     * Instruments one class.
     *
     * @param classFile the class file
     * @return the instrumented class file, or {@code null} if the class has nothing to instrument (then the
     *     original bytes stand, unchanged)
     * @throws InstrumentationException if the class suspends somewhere it cannot; the message says where and why
     */
    public byte[] instrument(byte[] classFile) {
        return rewriter.rewrite(classFile);
    }
}
