package dev.tinyio.agent;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.Instrumenter;
import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;

/** Adapts the {@link Instrumenter} to {@code java.lang.instrument}: one instrumenter per class loader. */
final class SuspendableTransformer implements ClassFileTransformer {
    private static final System.Logger LOG = System.getLogger("dev.tinyio.agent");

    /** Exit status of a JVM stopped by the failfast option. */
    private static final int FAIL_FAST_STATUS = 70;

    private final AgentOptions options;
    /** Weak keys: an instrumenter reads through its loader weakly, so it does not keep the loader alive. */
    private final Map<ClassLoader, Instrumenter> byLoader = new WeakHashMap<>();
    /** The instrumenter for classes of the bootstrap loader. */
    private final Instrumenter bootstrap = new Instrumenter(ClassSource.of(null));

    SuspendableTransformer(AgentOptions options) {
        this.options = options;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null || className == null) {
            // We do not support retransformation, and hidden classes (no name) are not instrumented.
            return null;
        }
        if (!Instrumenter.mayNeedInstrumenting(classfileBuffer)) {
            // Most classes never mention the library: they cost one scan and no lookup.
            return null;
        }
        if (!options.classes().accepts(className)) {
            // Left out on purpose by include or exclude: suspending through it throws NotInstrumentedError.
            return null;
        }
        try {
            byte[] result = instrumenterFor(loader).instrument(classfileBuffer);
            if (result != null && options.verbose()) {
                LOG.log(Level.INFO, "tinyio instrumented " + className);
            }
            if (result != null && options.dump() != null) {
                ClassDump.write(options.dump(), className, result);
            }
            return result;
        } catch (RuntimeException | LinkageError e) {
            // Report this, as the exception is ignored by the JVM:
            LOG.log(Level.WARNING, "tinyio could not instrument " + className.replace('/', '.')
                    + "; it loads uninstrumented, and suspending through it will throw NotInstrumentedError.", e);
            if (options.failFast()) {
                // The JVM would ignore a thrown exception and load the class anyway: stop here instead.
                System.err.println("tinyio agent (failfast): could not instrument " + className + ": " + e);
                e.printStackTrace();
                Runtime.getRuntime().halt(FAIL_FAST_STATUS);
            }
            return null;
        }
    }

    private Instrumenter instrumenterFor(ClassLoader loader) {
        if (loader == null) {
            return bootstrap;
        }
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, l -> new Instrumenter(ClassSource.of(l)));
        }
    }
}
