package dev.tinyio.tests;

import static dev.tinyio.tests.JavaPrograms.AGENT_JAR;
import static dev.tinyio.tests.JavaPrograms.JAVA;
import static dev.tinyio.tests.JavaPrograms.lineOf;
import static dev.tinyio.tests.JavaPrograms.run;
import static dev.tinyio.tests.JavaPrograms.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.tests.JavaPrograms.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NotInstrumentedError word for word in programs that run in a JVM of their own, as users run them: compiled and
 * never instrumented; instrumented at build time by the command-line instrumenter (what tinyio-maven-plugin does),
 * with one class excluded and beside a library jar that never names tinyio; and the same under the agent.
 */
class NotInstrumentedProgramsTest {
    private static final String ADAPTER = """
            package lib;

            import java.util.function.IntSupplier;
            import java.util.function.LongSupplier;

            public final class LibraryAdapter implements LongSupplier {
                private final IntSupplier supplier;

                public LibraryAdapter(IntSupplier supplier) {
                    this.supplier = supplier;
                }

                @Override
                public long getAsLong() {
                    return supplier.getAsInt();
                }
            }
            """;
    private static final String LEGACY = """
            package demo;

            import dev.tinyio.Coro;
            import dev.tinyio.Loop;

            public final class Legacy {
                public static int step() {
                    Coro.yield(); // legacy
                    return 1;
                }

                public static int runPause() {
                    return new Loop().run(Coro.of(() -> Main.pause(7)));
                }
            }
            """;
    private static final String CURRENT = """
            package demo;

            public final class Current {
                public static int viaLegacy() {
                    return Legacy.step() + 1;
                }
            }
            """;
    private static final String MAIN = """
            package demo;

            import dev.tinyio.Coro;
            import dev.tinyio.Loop;
            import dev.tinyio.NotInstrumentedError;
            import dev.tinyio.Tinyio;
            import java.util.concurrent.CompletionException;
            import java.util.function.LongSupplier;
            import java.util.function.Supplier;
            import lib.LibraryAdapter;

            public final class Main {
                static int pause(int x) {
                    Coro.yield(); // pause
                    return x;
                }

                static long viaAdapter(LongSupplier adapter) {
                    Coro.yield();
                    return adapter.getAsLong(); // adapter
                }

                public static void main(String[] args) {
                    LongSupplier adapter = new LibraryAdapter(() -> pause(3));
                    report("legacy", () -> new Loop().run(Coro.of(Legacy::step)));
                    report("beside", () -> new Loop().run(Coro.of(Current::viaLegacy)));
                    report("adapter", () -> new Loop().run(Coro.of(() -> viaAdapter(adapter))));
                    report("body", Legacy::runPause);
                    report("future", () -> Tinyio.toFuture(Coro.ofVoid(Coro::yield)).join());
                }

                static void report(String scenario, Supplier<Object> run) {
                    try {
                        System.out.println(scenario + ": " + run.get());
                    } catch (NotInstrumentedError e) {
                        System.out.println(scenario + ": " + e.getMessage());
                    } catch (CompletionException e) {
                        System.out.println(scenario + ": " + e.getCause().getMessage());
                    }
                }
            }
            """;

    @TempDir
    static Path work;
    private static Path libraryJar;
    private static Path plain;
    private static Path instrumented;

    @BeforeAll
    static void build() throws Exception {
        Path libraryClasses = compile("lib", Map.of("lib/LibraryAdapter.java", ADAPTER), runtime().toString());
        libraryJar = work.resolve("library.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(libraryJar))) {
            jar.putNextEntry(new JarEntry("lib/LibraryAdapter.class"));
            Files.copy(libraryClasses.resolve("lib/LibraryAdapter.class"), jar);
            jar.closeEntry();
        }
        Map<String, String> app = new LinkedHashMap<>();
        app.put("demo/Legacy.java", LEGACY);
        app.put("demo/Current.java", CURRENT);
        app.put("demo/Main.java", MAIN);
        plain = compile("plain", app, runtime() + File.pathSeparator + libraryJar);
        instrumented = compile("classes", app, runtime() + File.pathSeparator + libraryJar);
        Result result = run(List.of(JAVA, "-jar", AGENT_JAR.toString(), "instrument", "--classpath",
                runtime() + File.pathSeparator + libraryJar, "--exclude", "**/Legacy.class", instrumented.toString()));
        assertEquals(0, result.status(), result.output());
    }

    @Test
    void with_no_instrumentation_at_all_the_fix_is_the_agent_or_the_plugin() throws Exception {
        Map<String, String> reported = runMain(List.of(), plain);
        String version = Coro.class.getPackage().getImplementationVersion();
        assertEquals("Coro.yield() was called from demo.Legacy.step(Legacy.java:" + lineOf(LEGACY, "// legacy")
                + "), which cannot suspend: it was not instrumented. No tinyio instrumentation is active: run with "
                + "-javaagent:tinyio-agent-" + (version == null ? "<version>" : version) + "-all.jar, or rewrite the "
                + "classes at build time with dev.tinyio:tinyio-maven-plugin (goals instrument and "
                + "instrument-tests).", reported.get("legacy"));
    }

    /** A body that is the yield itself, on the loop thread of toFuture: no frame of the user's is there to blame. */
    @Test
    void with_no_instrumentation_a_yield_as_the_body_is_not_blamed_on_the_thread_that_runs_the_loop()
            throws Exception {
        Map<String, String> reported = runMain(List.of(), plain);
        String version = Coro.class.getPackage().getImplementationVersion();
        assertEquals("Coro.yield() was called from code that was not instrumented. No tinyio instrumentation is "
                + "active: run with -javaagent:tinyio-agent-" + (version == null ? "<version>" : version) + "-all.jar, "
                + "or rewrite the classes at build time with dev.tinyio:tinyio-maven-plugin (goals instrument and "
                + "instrument-tests).", reported.get("future"));
    }

    @Test
    void a_class_excluded_beside_instrumented_ones_is_named_with_the_excludes_to_check() throws Exception {
        Map<String, String> reported = runMain(List.of(), instrumented);
        String expected = "Coro.yield() was called from demo.Legacy.step(Legacy.java:" + lineOf(LEGACY, "// legacy")
                + "), which cannot suspend: it lies beside classes that tinyio-maven-plugin instrumented, but was left "
                + "as compiled: check the plugin's <includes> and <excludes>, or build from clean (mvn clean "
                + "verify).";
        assertEquals(expected, reported.get("beside"));
        assertEquals(expected, reported.get("legacy"));
    }

    @Test
    void a_library_class_behind_a_jdk_interface_that_carried_on_is_named_by_the_interface() throws Exception {
        Map<String, String> reported = runMain(List.of(), instrumented);
        assertEquals(adapterMessage("tinyio-maven-plugin instruments the module it builds, and each dependency is "
                + "instrumented by its own build"), reported.get("adapter"));
    }

    @Test
    void a_lambda_body_made_in_an_excluded_class_is_named_as_the_coroutines_body() throws Exception {
        Map<String, String> reported = runMain(List.of(), instrumented);
        assertEquals("A coroutine suspended in demo.Main.pause(Main.java:" + lineOf(MAIN, "// pause") + ") and the "
                + "suspension passed through the coroutine's body, a lambda or method reference made in demo.Legacy, "
                + "which cannot suspend: it lies beside classes that tinyio-maven-plugin instrumented, but was left as "
                + "compiled: check the plugin's <includes> and <excludes>, or build from clean (mvn clean verify).",
                reported.get("body"));
    }

    @Test
    void under_the_agent_a_library_class_behind_a_jdk_interface_is_named_with_the_agents_include() throws Exception {
        Map<String, String> reported = runMain(List.of("-javaagent:" + AGENT_JAR), instrumented);
        assertEquals(adapterMessage("the agent instruments classes in jars only where include= names them"),
                reported.get("adapter"));
    }

    private static String adapterMessage(String instrumentedBy) {
        return "A coroutine suspended in demo.Main.pause(Main.java:" + lineOf(MAIN, "// pause") + ") and the "
                + "suspension passed through an implementation of java.util.function.LongSupplier.getAsLong, called "
                + "at demo.Main.viaAdapter(Main.java:" + lineOf(MAIN, "// adapter") + "), which cannot suspend: the "
                + "class implementing it was not instrumented. If it is the JDK's (a collection, an iterator, a "
                + "comparator), it calls back into your code, and a JDK callback cannot suspend: use a plain loop, "
                + "and call your code directly. If it is your code, make sure it is instrumented (" + instrumentedBy
                + "); if it is a library's, mark its method @dev.tinyio.Suspendable there and build the library with "
                + "tinyio-maven-plugin.";
    }

    /** What each run of demo.Main reported, by its options and class folder: the tests share the runs. */
    private static final Map<List<Object>, Map<String, String>> RUNS = new HashMap<>();

    /** Runs demo.Main, and reads what it reported for each scenario. */
    private static synchronized Map<String, String> runMain(List<String> jvmOptions, Path classes) throws Exception {
        Map<String, String> known = RUNS.get(List.of(jvmOptions, classes));
        if (known != null) {
            return known;
        }
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classes + File.pathSeparator + libraryJar + File.pathSeparator + runtime(),
                "demo.Main"));
        Result result = run(command);
        assertEquals(0, result.status(), result.output());
        Map<String, String> reported = new LinkedHashMap<>();
        for (String line : result.lines()) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith(" ")) {
                reported.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        assertEquals(List.of("legacy", "beside", "adapter", "body", "future"), List.copyOf(reported.keySet()),
                result.output());
        RUNS.put(List.of(jvmOptions, classes), reported);
        return reported;
    }

    private static Path compile(String name, Map<String, String> sources, String classpath) throws IOException {
        Path classes = work.resolve(name);
        JavaPrograms.compile(sources, work.resolve("src-" + name), classes, "--release", "17", "-cp", classpath);
        return classes;
    }
}
