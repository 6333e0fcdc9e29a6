package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line instrumenter in the agent's jar, as a Gradle or Bazel build runs it: on a folder the compiler
 * wrote, after which the program runs without the agent.
 */
class CommandLineInstrumenterTest {
    private static final Path AGENT_JAR = Path.of(System.getProperty("tinyio.agentJar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    @Test
    void a_folder_instrumented_by_the_command_runs_without_the_agent_and_a_second_run_changes_nothing()
            throws Exception {
        Path classes = work.resolve("build/classes/java/main");
        Path source = work.resolve("src/demo/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;
                import dev.tinyio.Coro;
                import dev.tinyio.Loop;
                import java.util.List;
                import java.util.function.Supplier;
                public final class Main {
                    static String step(String s) { Coro.yield(); return s; }
                    static <T> T twice(Supplier<T> body) { body.get(); return body.get(); }
                    public static void main(String[] args) {
                        List<String> both = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                                Coro.of(() -> twice(() -> step("a"))), Coro.of(() -> step("b"))))));
                        System.out.println("ran " + both);
                    }
                }""");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
                classes.toString(), "-cp", runtime().toString(), source.toString()));

        Result first = run(JAVA, "-jar", AGENT_JAR.toString(), "instrument", "--classpath", runtime().toString(),
                classes.toString());
        assertEquals(0, first.status(), first.output());
        assertTrue(first.output().contains("tinyio: instrumented 1 of 1 class files in " + classes), first.output());
        assertTrue(Files.isRegularFile(work.resolve("build/classes/java/tinyio/main/demo/Main.class")),
                "the form as compiled is kept beside the classes for the next run");
        assertTrue(Files.isRegularFile(classes.resolve("META-INF/tinyio/suspendable.idx")));

        Result program = run(JAVA, "-cp", classes + File.pathSeparator + runtime(), "demo.Main");
        assertEquals("ran [a, b]", program.output().strip());

        Result second = run(JAVA, "-jar", AGENT_JAR.toString(), "instrument", "--classpath", runtime().toString(),
                classes.toString());
        assertTrue(second.output().contains("tinyio: instrumented 0 of 1 class files in " + classes),
                second.output());
    }

    @Test
    void arguments_it_does_not_understand_get_the_usage_and_status_2() throws Exception {
        Result result = run(JAVA, "-jar", AGENT_JAR.toString(), "instrument", "--frobnicate", work.toString());
        assertEquals(2, result.status());
        assertTrue(result.output().startsWith("tinyio: unknown option '--frobnicate'\n\nUsage: java -jar "
                + "tinyio-agent-<version>-all.jar instrument [options] <classes-folder>...\n"), result.output());
    }

    private record Result(int status, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static Path runtime() throws URISyntaxException {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
