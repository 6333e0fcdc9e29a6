package dev.tinyio.tests;

import static dev.tinyio.tests.JavaPrograms.AGENT_JAR;
import static dev.tinyio.tests.JavaPrograms.JAVA;
import static dev.tinyio.tests.JavaPrograms.run;
import static dev.tinyio.tests.JavaPrograms.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.tests.JavaPrograms.Result;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent reports while classes load, word for word, in programs run with {@code -javaagent} as users run
 * them: a class it cannot instrument (logged, or with failfast the end of the JVM), a class file it cannot read, a
 * dump folder it cannot write, and an option it does not know.
 */
class AgentLoadWarningsTest {
    /** Compiled for Java 8, which the instrumenter refuses: {@code -source 8 -target 8}, as an old build would. */
    private static final String OLD = """
            package demo;

            import dev.tinyio.Coro;

            public final class Old {
                public static int step() {
                    Coro.yield();
                    return 1;
                }
            }
            """;
    private static final String MAIN = """
            package demo;

            import dev.tinyio.Coro;
            import dev.tinyio.Loop;
            import dev.tinyio.NotInstrumentedError;

            public final class Main {
                public static void main(String[] args) {
                    try {
                        System.out.println("ran " + new Loop().run(Coro.of(Old::step)));
                    } catch (NotInstrumentedError e) {
                        System.out.println("not instrumented");
                    }
                }
            }
            """;
    private static final String OLD_REFUSED = "dev.tinyio.instrument.InstrumentationException: Cannot instrument "
            + "demo.Old.step: its class file is for Java 8, and suspendable code needs Java 11 or later class files. "
            + "Compile it with --release 11 or later.";

    @TempDir
    static Path work;
    private static Path classes;

    @BeforeAll
    static void build() throws Exception {
        classes = work.resolve("classes");
        JavaPrograms.compile(Map.of("demo/Old.java", OLD), work.resolve("src-old"), classes, "-source", "8", "-target",
                "8", "-nowarn", "-cp", runtime().toString());
        JavaPrograms.compile(Map.of("demo/Main.java", MAIN), work.resolve("src"), classes, "--release", "17", "-cp",
                classes + File.pathSeparator + runtime());
    }

    private static Result runMain(String agentOptions, Path... moreClasses) throws Exception {
        StringBuilder classpath = new StringBuilder(classes.toString());
        for (Path more : moreClasses) {
            classpath.append(File.pathSeparator).append(more);
        }
        classpath.append(File.pathSeparator).append(runtime());
        List<String> command = new ArrayList<>(List.of(JAVA, "-Duser.language=en", "-Duser.country=US",
                "-javaagent:" + AGENT_JAR + (agentOptions.isEmpty() ? "" : "=" + agentOptions), "-cp",
                classpath.toString(), "demo.Main"));
        return run(command);
    }

    /** The line of java.util.logging's console output that carries a warning's message. */
    private static String warning(String message) {
        return "WARNING: " + message;
    }

    @Test
    void a_class_the_agent_cannot_instrument_is_logged_with_why_and_loads_as_compiled() throws Exception {
        Result result = runMain("");
        assertEquals(0, result.status(), result.output());
        List<String> lines = result.lines();
        int logged = lines.indexOf(warning("tinyio could not instrument demo.Old; it loads uninstrumented, and "
                + "suspending through it will throw NotInstrumentedError."));
        assertTrue(logged >= 0, result.output());
        assertEquals(OLD_REFUSED, lines.get(logged + 1), "the exception attached");
        assertTrue(lines.contains("not instrumented"), result.output());
    }

    @Test
    void with_failfast_a_class_the_agent_cannot_instrument_stops_the_jvm_by_name() throws Exception {
        Result result = runMain("failfast");
        assertEquals(70, result.status(), result.output());
        assertTrue(result.lines().contains("tinyio agent (failfast): could not instrument demo/Old: " + OLD_REFUSED),
                result.output());
        assertTrue(!result.lines().contains("not instrumented"), result.output());
    }

    @Test
    void a_class_file_the_agent_cannot_read_is_left_out_of_the_analysis_by_name() throws Exception {
        Path more = work.resolve("more");
        Files.createDirectories(more.resolve("demo"));
        // The first part of a class file that names the library: a parser runs off its end.
        byte[] old = Files.readAllBytes(classes.resolve("demo/Old.class"));
        Files.write(more.resolve("demo/Broken.class"), java.util.Arrays.copyOf(old, old.length / 2));
        Result result = runMain("", more);
        assertEquals(0, result.status(), result.output());
        assertTrue(result.lines().contains(warning("tinyio cannot read " + more + "!/demo/Broken.class; it is left "
                + "out of the analysis of which methods suspend")), result.output());
    }

    @Test
    void a_dump_folder_the_agent_cannot_write_is_logged_and_the_program_runs_on() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("dump-here"), "a file, not a folder");
        Result result = runMain("dump=" + notAFolder);
        assertEquals(0, result.status(), result.output());
        assertTrue(result.lines().contains(warning("tinyio could not dump demo/Main to " + notAFolder)),
                result.output());
    }

    @Test
    void an_unknown_option_stops_the_jvm_naming_the_known_ones() throws Exception {
        Result result = runMain("verbose,includes=demo.*");
        assertTrue(result.status() != 0, result.output());
        assertTrue(result.lines().contains("Caused by: java.lang.IllegalArgumentException: Unknown tinyio agent option "
                + "'includes=demo.*'. Known options: failfast, verbose, dump=<folder>, include=<classes>, "
                + "exclude=<classes> (class name patterns such as com.acme.* separated by ;)."), result.output());
    }
}
