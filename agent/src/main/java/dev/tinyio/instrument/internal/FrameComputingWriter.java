package dev.tinyio.instrument.internal;

import org.objectweb.asm.ClassWriter;

/**
 * A class writer that computes stack map frames from class headers read as bytes: the default
 * {@code getCommonSuperClass} loads classes, which is wrong inside a transformer or a build plugin.
 */
final class FrameComputingWriter extends ClassWriter {
    private final ClassHeaders headers;

    FrameComputingWriter(ClassHeaders headers) {
        super(COMPUTE_FRAMES);
        this.headers = headers;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return headers.commonSuperClass(type1, type2);
    }

    @Override
    protected ClassLoader getClassLoader() {
        throw new IllegalStateException("The instrumenter must not load classes");
    }
}
