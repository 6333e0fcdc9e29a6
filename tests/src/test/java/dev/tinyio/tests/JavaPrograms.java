package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * Small programs written, compiled and run by the tests in JVMs of their own, as users run theirs: with or without
 * the agent, instrumented by the command line or not at all.
 */
final class JavaPrograms {
    /** The agent jar as built. */
    static final Path AGENT_JAR = Path.of(System.getProperty("tinyio.agentJar"));
    /** The java launcher of the JVM running the tests. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private JavaPrograms() {
    }

    /**
     * What a program did.
     *
     * @param status its exit status
     * @param output what it wrote to its standard output and error, interleaved
     */
    record Result(int status, String output) {
        /** The lines of the output. */
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /**
     * Writes sources under a folder and compiles them.
     *
     * @param sources the text of each source, by its path under the source folder
     * @param sourceRoot where to write them
     * @param classes where the class files go
     * @param options more compiler options, such as {@code -cp}
     */
    static void compile(Map<String, String> sources, Path sourceRoot, Path classes, String... options)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
        arguments.addAll(List.of(options));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)),
                "javac " + arguments);
    }

    /** Runs a command, with a hard timeout. */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** The runtime's jar or class folder, as the tests' class path has it. */
    static Path runtime() {
        try {
            return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The number of the one line of a source that holds a marker, such as a comment: where the messages about that
     * source point.
     */
    static int lineOf(String source, String marker) {
        List<String> lines = source.lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                found.add(i + 1);
            }
        }
        assertEquals(1, found.size(), () -> "lines holding " + marker);
        return found.get(0);
    }
}
