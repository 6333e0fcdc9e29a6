package dev.tinyio.tests;

import static dev.tinyio.tests.JavaPrograms.AGENT_JAR;
import static dev.tinyio.tests.JavaPrograms.JAVA;
import static dev.tinyio.tests.JavaPrograms.lineOf;
import static dev.tinyio.tests.JavaPrograms.run;
import static dev.tinyio.tests.JavaPrograms.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.tests.JavaPrograms.Result;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application instrumented against one version of a library and run with the next, in which a class behind an
 * interface has come to suspend: the call was not made a place to suspend, and the fix is to build the application
 * again, not to instrument the library, which was.
 */
class StaleImplementationTest {
    private static final String V1 = """
            package lib;

            public class Pauser implements java.util.function.Supplier<String> {
                public String get() {
                    return "v1";
                }
            }
            """;
    private static final String V2 = """
            package lib;

            import dev.tinyio.Coro;

            public class Pauser implements java.util.function.Supplier<String> {
                public String get() {
                    Coro.yield(); // pauses
                    return "v2";
                }
            }
            """;
    private static final String APP = """
            package app;

            import dev.tinyio.Coro;
            import dev.tinyio.Loop;
            import dev.tinyio.NotInstrumentedError;
            import java.util.function.Supplier;

            public final class Main {
                public static void main(String[] args) {
                    Supplier<String> supplier = new lib.Pauser();
                    try {
                        System.out.println(new Loop().run(Coro.of(() -> supplier.get()))); // gets
                    } catch (NotInstrumentedError e) {
                        System.out.println(e.getMessage());
                    }
                }
            }
            """;

    @Test
    void the_stale_call_is_named_with_the_rebuild_that_fixes_it(@TempDir Path work) throws Exception {
        String runtime = runtime().toString();
        Path v1 = work.resolve("v1");
        JavaPrograms.compile(Map.of("lib/Pauser.java", V1), work.resolve("src-v1"), v1, "--release", "17", "-cp",
                runtime);
        Path app = work.resolve("app");
        JavaPrograms.compile(Map.of("app/Main.java", APP), work.resolve("src-app"), app, "--release", "17", "-cp",
                runtime + File.pathSeparator + v1);
        instrument(app, runtime + File.pathSeparator + v1);
        Path v2 = work.resolve("v2");
        JavaPrograms.compile(Map.of("lib/Pauser.java", V2), work.resolve("src-v2"), v2, "--release", "17", "-cp",
                runtime);
        instrument(v2, runtime);
        Result result = run(List.of(JAVA, "-cp", app + File.pathSeparator + v2 + File.pathSeparator + runtime,
                "app.Main"));
        assertEquals(0, result.status(), result.output());
        assertEquals("A coroutine suspended in lib.Pauser.get(Pauser.java:" + lineOf(V2, "// pauses") + ") and the "
                + "suspension passed through the call of java.util.function.Supplier.get at "
                + "app.Main.lambda$main$0(Main.java:" + lineOf(APP, "// gets") + "), which cannot suspend: "
                + "lib.Pauser.get may suspend, and was instrumented to, but this call of it was not made a place to "
                + "suspend: the calling class was instrumented without knowing that lib.Pauser.get suspends (against "
                + "an older version of its class, or, under the agent, before its class was analysed). Build the "
                + "calling module again against the current one (mvn clean verify); under the agent, keep both "
                + "classes on the class path, where it analyses them together.", result.output().strip());
    }

    private static void instrument(Path classes, String classpath) throws Exception {
        Result result = run(List.of(JAVA, "-jar", AGENT_JAR.toString(), "instrument", "--classpath", classpath,
                classes.toString()));
        assertEquals(0, result.status(), result.output());
    }
}
