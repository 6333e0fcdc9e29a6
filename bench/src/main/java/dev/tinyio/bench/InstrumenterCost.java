package dev.tinyio.bench;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.Instrumenter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The instrumentation core's time per class, over the project's own test classes: those of the {@code tests} and
 * {@code agent} modules, which the build copies under {@code corpus/}. One {@link Instrumenter} serves the whole
 * run, as the agent keeps one per class loader, and each invocation instruments the next class of the corpus, round
 * and round. Classes of the corpus that never mention the library count in the average too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InstrumenterCost {
    /** Where the build puts the corpus, among the classes of this module. */
    private static final String CORPUS = "corpus/";

    private List<byte[]> corpus;
    private Instrumenter instrumenter;
    /** Index in {@link #corpus} of the class to instrument next. */
    private int next;

    /**
     * Reads the corpus, and makes the instrumenter; it reads the classes that the corpus refers to from the corpus
     * itself, or else (the runtime's, the JDK's) from this module's class path.
     *
     * @throws IOException if the corpus cannot be read
     */
    @Setup
    public void readCorpus() throws IOException {
        Map<String, byte[]> classFiles = ClassFiles.under(InstrumenterCost.class, CORPUS);
        if (classFiles.isEmpty()) {
            throw new IllegalStateException("No test classes under " + CORPUS + ": build the tests and agent modules "
                    + "before this one, as the reactor does");
        }
        corpus = new ArrayList<>(classFiles.values());
        ClassSource classPath = ClassSource.of(InstrumenterCost.class.getClassLoader());
        ClassSource source = name -> {
            byte[] inCorpus = classFiles.get(CORPUS + name + ".class");
            return inCorpus != null ? inCorpus : classPath.bytesOf(name);
        };
        // The corpus has suspensions in synchronized blocks on purpose; their warnings are not wanted here.
        instrumenter = new Instrumenter(source, warning -> { });
    }

    /**
     * Instruments the next class.
     *
     * @return the instrumented class file, or {@code null} for a class with nothing to instrument
     */
    @Benchmark
    public byte[] instrumentOneClass() {
        byte[] classFile = corpus.get(next);
        next = (next + 1) % corpus.size();
        return instrumenter.instrument(classFile);
    }
}
