package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * A child-first class loader for test samples: every class under the samples package is instrumented, checked
 * with ASM's {@code CheckClassAdapter} (data flow included) and defined here, so the JVM verifier checks it too.
 * The runtime and everything else come from the parent. All the samples are analysed together first, as one
 * program, as the build plugin does with a module and the agent with the application's class folders.
 */
final class InstrumentingLoader extends ClassLoader {
    static final String SAMPLES = "samples.";

    private final Instrumenter instrumenter;
    /** Where the original class files of the samples come from. */
    private final Function<String, byte[]> originals;

    /** Loads the samples as the build compiled them. */
    InstrumentingLoader() {
        this(InstrumentingLoader::original, testClasses());
    }

    /**
     * Loads the samples from other class files, such as the same sources compiled for another release.
     *
     * @param originals the class file of each sample, by class name
     * @param root the folder holding the samples package, whose classes are analysed as one program
     */
    InstrumentingLoader(Function<String, byte[]> originals, Path root) {
        super(InstrumentingLoader.class.getClassLoader());
        this.instrumenter = new Instrumenter(ClassSource.of(InstrumentingLoader.class.getClassLoader()));
        this.originals = originals;
        Map<String, byte[]> program = new TreeMap<>();
        for (String name : samplesIn(root)) {
            program.put(name, originals.apply(name));
        }
        Map<String, RuntimeException> unreadable = instrumenter.analyse(program);
        if (!unreadable.isEmpty()) {
            fail("Samples that cannot be read: " + unreadable);
        }
    }

    /** The names of the classes under the samples package of a folder. */
    static List<String> samplesIn(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve("samples"))) {
            return files.map(root::relativize).map(Path::toString).filter(path -> path.endsWith(".class"))
                    .map(path -> path.substring(0, path.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path testClasses() {
        try {
            return Path.of(InstrumentingLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
