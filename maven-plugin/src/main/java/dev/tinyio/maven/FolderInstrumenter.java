package dev.tinyio.maven;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.Instrumenter;
import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Instruments the class files of one output folder in place, and writes the index of their suspendable methods
 * beside them. Knows nothing of Maven.
 *
 * <p>Incremental: a class already instrumented, or with nothing to instrument, is not written again, and neither
 * is an index that has not changed. Running it twice changes nothing the second time.
 */
final class FolderInstrumenter {
    /**
     * What a run did.
     *
     * @param checked the class files looked at
     * @param instrumented the class files rewritten
     * @param failures for each class that could not be instrumented and was left as it was, why
     */
    record Outcome(int checked, int instrumented, List<String> failures) {
    }

    private final Path folder;
    private final ClassSource classpath;
    private final ClassFileFilter filter;
    private final Consumer<String> warnings;

    /**
     * An instrumenter for one folder.
     *
     * @param folder the output folder, rewritten in place
     * @param classpath where other classes are read from, this folder first
     * @param filter which class files to instrument
     * @param warnings receives the instrumenter's warnings about call sites that can never suspend
     */
    FolderInstrumenter(Path folder, ClassSource classpath, ClassFileFilter filter, Consumer<String> warnings) {
        this.folder = folder;
        this.classpath = classpath;
        this.filter = filter;
        this.warnings = warnings;
    }

    /**
     * Instruments the folder. When {@code failOnError} holds and a class fails, nothing is rewritten.
     *
     * @param failOnError whether a class that cannot be instrumented fails the run, instead of being reported and
     *     left as it was
     * @return what was done
     * @throws InstrumentationException if a class cannot be instrumented and {@code failOnError} holds; the message
     *     names the class file
     * @throws IOException if the folder cannot be read or written
     */
    Outcome run(boolean failOnError) throws IOException {
        Map<String, byte[]> classFiles = readClassFiles();
        Instrumenter instrumenter = new Instrumenter(classpath, warnings);
        // The whole folder is indexed first, from the bytes as they are now: rewriting a class hides its yields.
        Map<String, Set<String>> index = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Set<String> unreadable = new TreeSet<>();
        classFiles.forEach((path, bytes) -> {
            Set<String> suspendable;
            try {
                suspendable = instrumenter.suspendableMethods(bytes);
            } catch (RuntimeException e) {
                // A class file the instrumenter cannot parse: name it, and honour failOnError and the excludes.
                String failure = "tinyio cannot read " + path + " (" + e + ")";
                if (failOnError && filter.accepts(path)) {
                    throw new InstrumentationException(failure, e);
                }
                failures.add(failure + ". It is left as it was.");
                unreadable.add(path);
                return;
            }
            if (!suspendable.isEmpty()) {
                index.put(path.substring(0, path.length() - ".class".length()), suspendable);
            }
        });
        Map<String, byte[]> rewritten = new TreeMap<>();
        classFiles.forEach((path, bytes) -> {
            if (!filter.accepts(path) || unreadable.contains(path)) {
                return;
            }
            try {
                byte[] result = instrumenter.instrument(bytes);
                if (result != null) {
                    rewritten.put(path, result);
                }
            } catch (RuntimeException e) {
                String failure = "tinyio cannot instrument " + path + ": " + e.getMessage();
                if (failOnError) {
                    throw new InstrumentationException(failure, e);
                }
                failures.add(failure + " It is left as it was; suspending through it throws NotInstrumentedError.");
            }
        });
        // The index goes first, so that instrumented classes never lie beside a stale one.
        writeIndex(index);
        for (Map.Entry<String, byte[]> entry : rewritten.entrySet()) {
            Files.write(folder.resolve(entry.getKey()), entry.getValue());
        }
        return new Outcome(classFiles.size(), rewritten.size(), failures);
    }

    /** Every class file under the folder, by its path relative to it, in a stable order. */
    private Map<String, byte[]> readClassFiles() throws IOException {
        Map<String, byte[]> classFiles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String path = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                // Multi-release variants under META-INF are not at the path their class name gives.
                if (path.endsWith(".class") && !path.startsWith("META-INF/") && Files.isRegularFile(file)) {
                    classFiles.put(path, Files.readAllBytes(file));
                }
            }
        }
        return classFiles;
    }

    private void writeIndex(Map<String, Set<String>> index) throws IOException {
        Path file = folder.resolve(SuspendableIndexFile.PATH);
        if (index.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        byte[] text = SuspendableIndexFile.format(index);
        if (!Files.isRegularFile(file) || !Arrays.equals(text, Files.readAllBytes(file))) {
            Files.createDirectories(file.getParent());
            Files.write(file, text);
        }
    }
}
