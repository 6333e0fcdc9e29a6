package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * A child-first class loader for test samples: every class under the samples package is instrumented, checked
 * with ASM's {@code CheckClassAdapter} (data flow included) and defined here, so the JVM verifier checks it too.
 * The runtime and everything else come from the parent.
 */
final class InstrumentingLoader extends ClassLoader {
    static final String SAMPLES = "samples.";

    private final Instrumenter instrumenter;
    /** Where the original class files of the samples come from. */
    private final Function<String, byte[]> originals;

    /** Loads the samples as the build compiled them. */
    InstrumentingLoader() {
        this(InstrumentingLoader::original);
    }

    /** Loads the samples from other class files, such as the same sources compiled for another release. */
    InstrumentingLoader(Function<String, byte[]> originals) {
        super(InstrumentingLoader.class.getClassLoader());
        this.instrumenter = new Instrumenter(ClassSource.of(InstrumentingLoader.class.getClassLoader()));
        this.originals = originals;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(SAMPLES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] original = originals.apply(name);
                byte[] instrumented = instrumenter.instrument(original);
                byte[] bytes = instrumented == null ? original : instrumented;
                if (instrumented != null) {
                    verify(name, instrumented);
                }
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    static byte[] original(String name) {
        try (var in = InstrumentingLoader.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("No class file for " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void verify(String name, byte[] bytes) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), getParent(), false, new PrintWriter(report));
        if (!report.toString().isEmpty()) {
            fail("CheckClassAdapter rejects instrumented " + name + ":\n" + report);
        }
    }

    /** Loads a sample class through this loader, instrumenting it. */
    Class<?> sample(Class<?> compiled) throws ClassNotFoundException {
        return loadClass(compiled.getName());
    }
}
