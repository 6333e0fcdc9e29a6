package dev.tinyio.instrument.build;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.ContractVersion;
import dev.tinyio.instrument.IncompatibleContractException;
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
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Instruments the class files of one output folder in place, and writes the index of their suspendable methods
 * beside them: the work of the Maven plugin's goals and of the command-line instrumenter, which know nothing else.
 *
 * <p>All the folder's classes are analysed together, as one program, from the form the compiler gave them: one new
 * suspending lambda can change how a class that was not recompiled must be instrumented. So the form as compiled
 * of each class it instruments is kept in a folder of its own, and every run instruments every class again from
 * that form. A class file is written only when its bytes change: running twice changes nothing the second time.
 */
public final class FolderInstrumenter {
    /**
     * What a run did.
     *
     * @param checked the class files looked at
     * @param instrumented the class files written (instrumented, or put back as compiled)
     * @param failures for each class that could not be instrumented and was left as it was, why
     * @param summary how many methods may suspend, and why, in one line
     */
    public record Outcome(int checked, int instrumented, List<String> failures, String summary) {
    }

    /** The output folder, rewritten in place. */
    private final Path folder;
    /** Where the classes it instruments are kept as the compiler wrote them. */
    private final Path compiledForm;
    /** Where other classes are read from, this folder first. */
    private final ClassSource classpath;
    /** Which class files to instrument. */
    private final ClassFileFilter filter;
    /** Where the instrumenter's warnings go. */
    private final Consumer<String> warnings;

    /**
     * An instrumenter for one folder.
     *
     * @param folder the output folder, rewritten in place
     * @param compiledForm where the classes it instruments are kept as the compiler wrote them
     * @param classpath where other classes are read from, this folder first
     * @param filter which class files to instrument
     * @param warnings receives the instrumenter's warnings about call sites that can never suspend
     */
    public FolderInstrumenter(Path folder, Path compiledForm, ClassSource classpath, ClassFileFilter filter,
            Consumer<String> warnings) {
        this.folder = folder;
        this.compiledForm = compiledForm;
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
     * @throws InstrumentationException if a class cannot be instrumented and {@code failOnError} holds, or a class
     *     instrumented by an earlier run has lost its form as compiled; the message names the class file
     * @throws IncompatibleContractException whatever {@code failOnError} says, if a dependency's index is of another
     *     contract version, or a class instrumented for another version has lost its form as compiled
     * @throws IOException if the folder cannot be read or written
     */
    public Outcome run(boolean failOnError) throws IOException {
        Map<String, byte[]> current = readClassFiles(folder);
        Map<String, byte[]> compiled = asCompiled(current);
        Pass pass = new Pass(new Instrumenter(classpath, warnings), failOnError);
        pass.analyse(compiled);
        compiled.forEach(pass::instrument);
        int written = write(current, compiled, pass);
        forgetCompiledFormsExcept(pass.instrumented.keySet());
        return new Outcome(current.size(), written, pass.failures, pass.instrumenter.summary());
    }

    /** One pass of the instrumenter over the folder's classes, and what it has found and made so far. */
    private final class Pass {
        /** The instrumenter, which analyses the folder's classes as one program. */
        final Instrumenter instrumenter;
        /** Whether a class that cannot be instrumented fails the run. */
        final boolean failOnError;
        /** For each class that could not be instrumented and is left as it was, why. */
        final List<String> failures = new ArrayList<>();
        /** The class files the instrumenter cannot parse, by path. */
        final Set<String> unreadable = new TreeSet<>();
        /** The suspendable methods of each class that has any, by its path without {@code .class}. */
        final Map<String, Set<String>> index = new TreeMap<>();
        /** The instrumented form of each class that changes, by path. */
        final Map<String, byte[]> instrumented = new TreeMap<>();

        /** A pass that has done nothing yet. */
        Pass(Instrumenter instrumenter, boolean failOnError) {
            this.instrumenter = instrumenter;
            this.failOnError = failOnError;
        }

        /** Analyses the classes as compiled, all at once, setting aside those that cannot be parsed. */
        void analyse(Map<String, byte[]> compiled) {
            instrumenter.analyse(compiled).forEach((path, e) -> {
                // A class file the instrumenter cannot parse: name it, and honour failOnError and the excludes.
                String failure = "tinyio cannot read " + path + " (" + e + ")";
                if (failOnError && filter.accepts(path)) {
                    throw new InstrumentationException(failure, e);
                }
                failures.add(failure + ". It is left as it was.");
                unreadable.add(path);
            });
        }

        /** Indexes one class's suspendable methods and, if the filter accepts it, instruments it. */
        void instrument(String path, byte[] bytes) {
            if (unreadable.contains(path)) {
                return;
            }
            Set<String> suspendable = instrumenter.suspendableMethods(bytes);
            if (!suspendable.isEmpty()) {
                index.put(path.substring(0, path.length() - ".class".length()), suspendable);
            }
            if (!filter.accepts(path)) {
                return;
            }
            try {
                byte[] result = instrumenter.instrument(bytes);
                if (result != null) {
                    instrumented.put(path, result);
                }
            } catch (IncompatibleContractException e) {
                // A dependency of another version: no class of this folder can be instrumented right against it.
                throw e;
            } catch (RuntimeException e) {
                String failure = "tinyio cannot instrument " + path + ": " + e.getMessage();
                if (failOnError) {
                    throw new InstrumentationException(failure, e);
                }
                failures.add(failure + " It is left as it was; suspending through it throws NotInstrumentedError.");
            }
        }
    }

    /**
     * Writes what a pass made: the kept forms as compiled, the index, and each class file whose bytes change.
     *
     * @return how many class files were written
     */
    private int write(Map<String, byte[]> current, Map<String, byte[]> compiled, Pass pass) throws IOException {
        // Each class's form as compiled goes first, then the index: an instrumented class never lies beside a
        // stale index, nor without the form it is instrumented again from.
        for (Map.Entry<String, byte[]> entry : pass.instrumented.entrySet()) {
            writeIfChanged(compiledForm.resolve(entry.getKey()), compiled.get(entry.getKey()));
        }
        writeIndex(pass.index);
        int written = 0;
        for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
            byte[] wanted = pass.instrumented.getOrDefault(entry.getKey(), entry.getValue());
            if (!Arrays.equals(wanted, current.get(entry.getKey()))) {
                Files.write(folder.resolve(entry.getKey()), wanted);
                written++;
            }
        }
        return written;
    }

    /**
     * The classes as the compiler wrote them: a class an earlier run instrumented is read from where that run kept
     * it, and any other as it is in the folder (fresh from the compiler, or left as compiled).
     */
    private Map<String, byte[]> asCompiled(Map<String, byte[]> current) throws IOException {
        Map<String, byte[]> compiled = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : current.entrySet()) {
            byte[] bytes = entry.getValue();
            OptionalInt instrumentedFor = instrumentedFor(bytes);
            if (instrumentedFor.isPresent()) {
                // Instrumented again from the form kept, whatever contract version an earlier build instrumented
                // it for: the compiler's output knows no version.
                Path kept = compiledForm.resolve(entry.getKey());
                if (!Files.isRegularFile(kept)) {
                    throw missingCompiledForm(entry.getKey(), instrumentedFor.getAsInt());
                }
                bytes = Files.readAllBytes(kept);
            }
            compiled.put(entry.getKey(), bytes);
        }
        return compiled;
    }

    /** The error of a class instrumented by an earlier run whose form as compiled is gone, for either version. */
    private InstrumentationException missingCompiledForm(String path, int instrumentedFor) {
        String missing = "its form as compiled, which tinyio keeps in " + compiledForm + " to instrument it again, "
                + "is missing. Build from clean: mvn clean verify.";
        if (instrumentedFor != ContractVersion.CURRENT) {
            return new IncompatibleContractException("tinyio: " + path + " in " + folder + " was instrumented for "
                    + "version " + instrumentedFor + " of the contract between instrumented code and tinyio's "
                    + "runtime, but this instrumenter implements version " + ContractVersion.CURRENT + ", and "
                    + missing);
        }
        return new InstrumentationException("tinyio: " + path + " in " + folder + " was instrumented by an earlier "
                + "build, and " + missing);
    }

    /** The contract version of a class file instrumented by an earlier run, or empty for any other. */
    private static OptionalInt instrumentedFor(byte[] bytes) {
        try {
            return ContractVersion.of(bytes);
        } catch (RuntimeException unparsable) {
            // Not a class file the instrumenter can read: the analysis names it.
            return OptionalInt.empty();
        }
    }

    /** Every class file under a folder, by its path relative to it, in a stable order. */
    private static Map<String, byte[]> readClassFiles(Path root) throws IOException {
        Map<String, byte[]> classFiles = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return classFiles;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String path = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                // Multi-release variants under META-INF are not at the path their class name gives.
                if (path.endsWith(".class") && !path.startsWith("META-INF/") && Files.isRegularFile(file)) {
                    classFiles.put(path, Files.readAllBytes(file));
                }
            }
        }
        return classFiles;
    }

    /** Drops the kept forms of classes this run did not instrument: removed, recompiled plain, or excluded now. */
    private void forgetCompiledFormsExcept(Set<String> kept) throws IOException {
        for (String path : readClassFiles(compiledForm).keySet()) {
            if (!kept.contains(path)) {
                Files.delete(compiledForm.resolve(path));
            }
        }
    }

    /** Writes a file unless it holds these bytes already; whether it was written. */
    private static boolean writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(bytes, Files.readAllBytes(file))) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return true;
    }

    /** Writes the index of the folder's suspendable methods beside its classes, or removes it when there are none. */
    private void writeIndex(Map<String, Set<String>> index) throws IOException {
        Path file = folder.resolve(SuspendableIndexFile.PATH);
        if (index.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        writeIfChanged(file, SuspendableIndexFile.format(index));
    }
}
