package dev.tinyio.bench.anchors;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * An agent whose transformer does nothing: the floor that any {@code java.lang.instrument} agent adds to class
 * loading, since the JVM hands it every class file as a fresh array. The anchor of {@code ClassLoading.withAgent};
 * the build packs it alone in its own jar, {@code Jvm.NO_OP_AGENT}.
 */
public final class NoOpAgent {
    private NoOpAgent() {
    }

    /**
     * Entry point for {@code -javaagent}.
     *
     * @param options ignored
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String options, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                    ProtectionDomain protectionDomain, byte[] classfileBuffer) {
                return null;
            }
        }, false);
    }
}
