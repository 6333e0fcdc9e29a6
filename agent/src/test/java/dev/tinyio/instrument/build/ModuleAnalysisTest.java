package dev.tinyio.instrument.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.Instrumenter;
import dev.tinyio.instrument.SourceFiles;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's view of a module: every class analysed together, as users write them, compiled here from source and
 * run without the agent. Also what an incremental build asks of it: a class that was not recompiled is instrumented
 * again when a new class changes what it may suspend through.
 */
class ModuleAnalysisTest {
    private static final ClassFileFilter ALL = new ClassFileFilter(null, null);

    @TempDir
    Path sources;
    @TempDir
    Path classes;
    @TempDir
    Path compiledForm;
    @TempDir
    Path library;
    private final List<String> warnings = new ArrayList<>();

    @Test
    void helpers_that_never_name_the_library_interfaces_and_retrying_helpers_suspend_without_annotations()
            throws Exception {
        compile(classes, List.of(), Map.of(
                "app/Steps.java", """
                        package app;
                        public final class Steps {
                            public static int step(int x) { dev.tinyio.Coro.yield(); return x; }
                        }""",
                "app/Plain.java", """
                        package app;
                        final class Plain {
                            static int twoSteps() { return Steps.step(1) + Steps.step(2); }
                            static <T> T retry(int times, java.util.function.Supplier<T> body) {
                                T answer = null;
                                for (int i = 0; i < times && answer == null; i++) { answer = body.get(); }
                                return answer;
                            }
                        }""",
                "app/Task.java", """
                        package app;
                        interface Task { int run(int x); }""",
                "app/Main.java", """
                        package app;
                        import dev.tinyio.Coro;
                        import dev.tinyio.Loop;
                        public final class Main {
                            static final class Slow implements Task {
                                public int run(int x) { return Steps.step(x) * 10; }
                            }
                            static int viaTask(Task task) { return task.run(4); }
                            static int tenTimes() { return Plain.twoSteps() * 10; }
                            public static String run() {
                                int[] calls = {0};
                                return new Loop().run(Coro.of(Main::tenTimes)) + " "
                                        + new Loop().run(Coro.of(() -> viaTask(new Slow()))) + " "
                                        + new Loop().run(Coro.of(() -> Plain.retry(3,
                                                () -> ++calls[0] < 2 ? null : Steps.step(7))));
                            }
                        }"""));
        FolderInstrumenter.Outcome outcome = instrument(ALL);
        assertEquals("30 40 7", run(classes, "app.Main"));
        assertTrue(outcome.summary().contains(" 1 call through an interface or superclass, "), outcome.summary());
        assertEquals(List.of(), warnings);
    }

    @Test
    void a_class_not_recompiled_is_instrumented_again_when_a_new_class_makes_its_calls_suspend() throws Exception {
        Map<String, String> first = Map.of(
                "app/Task.java", """
                        package app;
                        public interface Task { int run(); }""",
                "app/Quick.java", """
                        package app;
                        public final class Quick implements Task { public int run() { return 1; } }""",
                "app/Main.java", """
                        package app;
                        import dev.tinyio.Coro;
                        import dev.tinyio.Loop;
                        public final class Main {
                            static int pause() { Coro.yield(); return 10; }
                            static int sum(Task a, Task b) { return a.run() + b.run(); }
                            public static String run() throws Exception {
                                Task slow = (Task) Class.forName("app.Slow").getDeclaredConstructor().newInstance();
                                return String.valueOf(new Loop().run(Coro.of(() -> pause() + sum(slow, new Quick()))));
                            }
                        }""");
        compile(classes, List.of(), first);
        instrument(ALL);
        assertFalse(Files.exists(classes.resolve("app/Slow.class")));
        compile(classes, List.of(classes), Map.of("app/Slow.java", """
                package app;
                public final class Slow implements Task {
                    public int run() { dev.tinyio.Coro.yield(); return 100; }
                }"""));
        assertEquals(2, instrument(ALL).instrumented(), "the new Slow, and Main instrumented again");
        assertEquals("111", run(classes, "app.Main"));
        assertTrue(Instrumenter.isInstrumented(Files.readAllBytes(classes.resolve("app/Main.class"))));
        assertFalse(Instrumenter.isInstrumented(Files.readAllBytes(compiledForm.resolve("app/Main.class"))));
    }

    @Test
    void a_library_built_alone_that_calls_back_into_suspending_code_is_named_with_the_fix() throws Exception {
        compile(library, List.of(), Map.of(
                "lib/Task.java", """
                        package lib;
                        public interface Task { int run(); }""",
                "lib/Runner.java", """
                        package lib;
                        public final class Runner {
                            public static int runAll(java.util.List<Task> tasks) {
                                int sum = 0;
                                for (Task task : tasks) { sum += task.run(); }
                                return sum;
                            }
                        }"""));
        compile(classes, List.of(library), Map.of("app/Main.java", """
                package app;
                import dev.tinyio.Coro;
                import dev.tinyio.Loop;
                public final class Main {
                    static int step() { Coro.yield(); return 1; }
                    public static String run() {
                        lib.Task task = Main::step;
                        return String.valueOf(new Loop().run(Coro.of(
                                () -> lib.Runner.runAll(java.util.List.of(task, task)))));
                    }
                }"""));
        instrument(ALL);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> run(classes, "app.Main", library));
        // The program's own copy of the runtime threw it, in a loader of its own.
        Throwable error = thrown.getCause();
        assertEquals(NotInstrumentedError.class.getName(), error.getClass().getName());
        assertTrue(error.getMessage().startsWith("A coroutine suspended in app.Main.step(Main.java:5) and the "
                + "suspension passed through lib.Runner.runAll(Runner.java:5), which cannot suspend: it is in "
                + library.getFileName() + ", which was built without knowing that it suspends there (a library "
                + "calling back into your code). To fix it, mark lib.Runner.runAll @dev.tinyio.Suspendable in that "
                + "library and build the library with tinyio-maven-plugin, or keep the suspension out of that "
                + "call."), error.getMessage());
    }

    @Test
    void a_caller_instrumented_against_an_older_library_that_did_not_suspend_is_named_with_the_rebuild() throws Exception {
        compile(library, List.of(), Map.of("lib/Prices.java", """
                package lib;
                public final class Prices {
                    public static int price(int x) { return x * 2; }
                }"""));
        compile(classes, List.of(library), Map.of("app/Main.java", """
                package app;
                import dev.tinyio.Coro;
                import dev.tinyio.Loop;
                public final class Main {
                    public static String run() {
                        return String.valueOf(new Loop().run(Coro.of(() -> lib.Prices.price(21) + 0)));
                    }
                }"""));
        instrument(ALL);
        compile(library, List.of(), Map.of("lib/Prices.java", """
                package lib;
                public final class Prices {
                    public static int price(int x) { dev.tinyio.Coro.yield(); return x * 2; }
                }"""));
        try (ClasspathSource source = new ClasspathSource(List.of(library, runtime()))) {
            new FolderInstrumenter(library, sources.resolve("kept"), source, ALL, warnings::add).run(true);
        }
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> run(classes, "app.Main", library));
        assertEquals("A coroutine suspended in lib.Prices.price(Prices.java:3) and the suspension passed through "
                + "the call of lib.Prices.price at app.Main.lambda$run$0(Main.java:6), which cannot suspend: "
                + "lib.Prices.price may suspend, and was instrumented to, but this call of it was not made a place to "
                + "suspend: the calling class was instrumented without knowing that lib.Prices.price suspends "
                + "(against an older version of its class, or, under the agent, before its class was analysed). "
                + "Build the calling module again against the current one (mvn clean verify); under the agent, keep "
                + "both classes on the class path, where it analyses them together.", thrown.getCause().getMessage());
    }

    @Test
    void a_method_with_too_many_parameters_to_be_instrumented_is_refused_by_name() throws Exception {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < 127; i++) {
            parameters.append(i == 0 ? "" : ", ").append("long p").append(i);
        }
        compile(classes, List.of(), Map.of("app/Wide.java", """
                package app;
                public final class Wide {
                    static long wide(int first, %s) { dev.tinyio.Coro.yield(); return first; }
                }""".formatted(parameters)));
        InstrumentationException error = assertThrows(InstrumentationException.class, () -> instrument(ALL));
        assertTrue(error.getMessage().contains("Cannot instrument app.Wide.wide: its parameters take 255 slots, and "
                + "the copy of it that resumes a suspended frame needs one more, past the JVM's limit of 255. Pass "
                + "some of them in an object."), error.getMessage());
    }

    private FolderInstrumenter.Outcome instrument(ClassFileFilter filter) throws Exception {
        try (ClasspathSource source = new ClasspathSource(List.of(classes, library, runtime()))) {
            return new FolderInstrumenter(classes, compiledForm, source, filter, warnings::add).run(true);
        }
    }

    private void compile(Path output, List<Path> classpath, Map<String, String> files) throws Exception {
        List<Path> path = new ArrayList<>(classpath);
        path.add(0, runtime());
        SourceFiles.compile(sources, output, "-cp", path, files);
    }

    /** Runs a class's {@code run()} in a loader that sees only the folders and the runtime: no agent. */
    private static String run(Path folder, String mainClass, Path... more) throws Exception {
        List<URL> urls = new ArrayList<>(List.of(folder.toUri().toURL(), runtime().toUri().toURL()));
        for (Path path : more) {
            urls.add(path.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            return (String) loader.loadClass(mainClass).getMethod("run").invoke(null);
        }
    }

    private static Path runtime() throws URISyntaxException {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
