package dev.tinyio.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tinyio.bench.anchors.CompletableFutureHops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Benchmarks are not tests: this only checks that each one runs. Every benchmark is invoked once in this JVM, which
 * the build starts under the agent with the anchors' options; one is also run in a fork, to check the options that
 * the benchmarks give their forks.
 */
class BenchmarksSmokeIT {
    /** The anchors compiled only on Java 21 and later. */
    private static final List<String> JAVA_21_ANCHORS =
            List.of("ContinuationYield", "VirtualThreadPingPong", "VirtualThreadStartJoin");

    @Test
    void every_benchmark_runs_once() throws RunnerException {
        Collection<RunResult> results = new Runner(once().forks(0).build()).run();

        Set<String> classes = new TreeSet<>();
        for (RunResult result : results) {
            classes.add(declaringClass(result.getParams().getBenchmark()));
        }
        List<String> expected = new ArrayList<>(List.of(CancelThreads.class.getSimpleName(),
                ClassLoading.class.getSimpleName(), DebugResume.class.getSimpleName(),
                EventPingPong.class.getSimpleName(), InstrumenterCost.class.getSimpleName(),
                NeverSuspending.class.getSimpleName(), ProgramAnalysis.class.getSimpleName(),
                RetainedHeap.class.getSimpleName(), SpawnGather.class.getSimpleName(),
                YieldRoundTrip.class.getSimpleName(), YieldAmongClasses.class.getSimpleName(),
                CompletableFutureHops.class.getSimpleName()));
        if (Runtime.version().feature() >= 21) {
            expected.addAll(JAVA_21_ANCHORS);
        } else {
            System.out.println("Smoke run on Java " + Runtime.version().feature() + ": the anchors " + JAVA_21_ANCHORS
                    + " need Java 21 and are not built here.");
        }
        assertEquals(new TreeSet<>(expected), classes);
    }

    @Test
    void a_benchmark_runs_forked_under_the_agent_it_names() throws RunnerException {
        Collection<RunResult> results = new Runner(once()
                .include(YieldRoundTrip.class.getName())
                .param("depth", "1")
                .forks(1)
                // Nothing from this JVM: the fork must get the agent from the benchmark's own @Fork.
                .jvmArgs()
                .build()).run();

        assertEquals(1, results.size());
        assertTrue(results.iterator().next().getPrimaryResult().getScore() > 0);
    }

    /** A million suspended coroutines fit in 512 MB of heap: the JVM that holds them has no more. */
    @Test
    void a_million_suspended_coroutines_fit_in_half_a_gigabyte() throws IOException, InterruptedException {
        String output = runMain(MillionSuspended.class.getName());
        assertTrue(output.startsWith("1,000,000 coroutines asleep at once in a heap of at most "), output);
    }

    /** The yield in a long-lived run: its root suspends through the turns' own code, under the agent. */
    @Test
    void the_long_lived_yield_runs_in_turns_with_its_anchor() throws IOException, InterruptedException {
        assumeTrue(Runtime.version().feature() >= 21, "the anchors need Java 21");
        String output = runMain("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "dev.tinyio.bench.anchors.YieldInTurns", "long-lived", "1", "5");
        assertTrue(output.startsWith("long-lived, 1 rounds of 5 ms: tinyio "), output);
    }

    /** Runs a main of this module in a JVM of its own under the agent, and returns what it printed. */
    private static String runMain(String... classAndArgs) throws IOException, InterruptedException {
        String agent = Jvm.AGENT.substring(0, Jvm.AGENT.lastIndexOf('='));
        String jar = agent.substring(agent.indexOf(':') + 1);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", agent, "-cp", jar));
        command.addAll(List.of(classAndArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running after five minutes");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** The simple name of the class of a benchmark named {@code package.Class.method}. */
    private static String declaringClass(String benchmark) {
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Each benchmark invoked once, failing the run if it throws. */
    private static ChainedOptionsBuilder once() {
        return new OptionsBuilder()
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }
}
