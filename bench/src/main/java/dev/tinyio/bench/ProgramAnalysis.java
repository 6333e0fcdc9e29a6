package dev.tinyio.bench;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.Instrumenter;
import java.io.IOException;
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
 * What the agent pays once, at the first class of an application, to find which methods may suspend: the analysis
 * of every class of the application as one program. Two programs: Apache Commons Math, a library-sized program that
 * never suspends (each of its classes is read and placed in the call graph all the same), and the project's own
 * test classes, which suspend through helpers, interfaces and lambdas. Each invocation analyses the whole program
 * afresh with a new instrumenter; divide by the program's size for the time per class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProgramAnalysis {
    private Map<String, byte[]> commonsMath;
    private Map<String, byte[]> testClasses;
    private ClassSource classPath;

    /**
     * Reads both programs into memory, so that the time is the analysis's, not the disk's.
     *
     * @throws IOException if they cannot be read
     * @throws ClassNotFoundException if Commons Math is missing
     */
    @Setup
    public void readPrograms() throws IOException, ClassNotFoundException {
        commonsMath = ClassFiles.under(Class.forName("org.apache.commons.math3.util.FastMath"),
                "org/apache/commons/math3/");
        testClasses = ClassFiles.under(ProgramAnalysis.class, "corpus/");
        classPath = ClassSource.of(ProgramAnalysis.class.getClassLoader());
        System.out.println("ProgramAnalysis: Commons Math has " + commonsMath.size() + " classes, the test corpus "
                + testClasses.size());
    }

    /**
     * Analyses Commons Math.
     *
     * @return the summary, so that nothing is optimised away
     */
    @Benchmark
    public String commonsMath() {
        return analyse(commonsMath);
    }

    /**
     * Analyses the project's test classes.
     *
     * @return the summary, so that nothing is optimised away
     */
    @Benchmark
    public String testClasses() {
        return analyse(testClasses);
    }

    private String analyse(Map<String, byte[]> program) {
        Instrumenter instrumenter = new Instrumenter(classPath, warning -> { });
        instrumenter.analyse(program);
        return instrumenter.summary();
    }
}
