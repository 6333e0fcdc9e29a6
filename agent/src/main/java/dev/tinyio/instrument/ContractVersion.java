package dev.tinyio.instrument;

import dev.tinyio.instrument.internal.ClassRewriter;
import java.util.OptionalInt;

/**
 * The version of the contract between instrumented code and tinyio's runtime that this instrumenter emits, and the
 * version a class file records. Every class the instrumenter rewrites records it in its marker, and one that calls
 * the frame store checks it against the runtime's first thing in its static initialiser; every index a build writes records it in its header
 * ({@link SuspendableIndexFile}). A difference is fixed by instrumenting again with the plugin of this version.
 */
public final class ContractVersion {
    /** The version this instrumenter emits. */
    public static final int CURRENT = ClassRewriter.CONTRACT_VERSION;

    private ContractVersion() {
    }

    /**
     * The version a class was instrumented for, as its marker records it.
     *
     * @param classFile the class file
     * @return the version; 0 for a class marked before versions were recorded; empty if the class was not
     *     instrumented
     */
    public static OptionalInt of(byte[] classFile) {
        return ClassRewriter.instrumentedFor(classFile);
    }

    /**
     * How a fix names the build plugin of this instrumenter's version: with the version when the jar says it.
     *
     * @return such as {@code tinyio-maven-plugin 0.1.0}
     */
    public static String plugin() {
        String version = ContractVersion.class.getPackage().getImplementationVersion();
        return version == null ? "the tinyio-maven-plugin of this instrumenter's version"
                : "tinyio-maven-plugin " + version;
    }
}
