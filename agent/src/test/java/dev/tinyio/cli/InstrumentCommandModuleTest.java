package dev.tinyio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.instrument.SourceFiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line instrumenter checks a named module's reads as the plugin does. */
class InstrumentCommandModuleTest {
    @TempDir
    Path work;

    @Test
    void a_named_module_that_does_not_read_the_runtime_fails_the_command_with_the_line_to_add() throws Exception {
        Path lib = work.resolve("lib");
        compile(lib, Map.of(
                "module-info.java", "module demo.lib { requires dev.tinyio; exports demo.lib; }",
                "demo/lib/Steps.java", """
                        package demo.lib;
                        public final class Steps {
                            public static int step(int x) { dev.tinyio.Coro.yield(); return x; }
                        }"""));
        assertEquals(0, run("instrument", "--classpath", runtime().toString(), lib.toString()).status());
        Path app = work.resolve("app");
        compile(app, Map.of(
                "module-info.java", "module demo.app { requires demo.lib; }",
                "demo/app/Helper.java", """
                        package demo.app;
                        final class Helper {
                            static int twoSteps() { return demo.lib.Steps.step(1) + demo.lib.Steps.step(2); }
                        }"""), lib);

        Run run = run("instrument", "--classpath", lib + File.pathSeparator + runtime(), app.toString());

        assertEquals(InstrumentCommand.FAILED, run.status());
        assertEquals("Module demo.app does not read dev.tinyio, the tinyio runtime, which the class tinyio "
                + "instrumented in it calls: demo.app.Helper (instrumented because it may suspend). Run, it would "
                + "fail with IllegalAccessError. Add this line to module demo.app's module-info.java: requires "
                + "dev.tinyio;" + System.lineSeparator(), run.err());
    }

    private record Run(int status, String err) {
    }

    private static Run run(String... arguments) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InstrumentCommand.run(arguments, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, err.toString(StandardCharsets.UTF_8));
    }

    /** Compiles a module from source, against the runtime as a module and the other modules given. */
    private void compile(Path output, Map<String, String> files, Path... modules) throws Exception {
        List<Path> modulePath = new ArrayList<>(List.of(runtime()));
        modulePath.addAll(List.of(modules));
        SourceFiles.compile(work.resolve("src").resolve(output.getFileName()), output, "--module-path", modulePath,
                files);
    }

    private static Path runtime() throws Exception {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
