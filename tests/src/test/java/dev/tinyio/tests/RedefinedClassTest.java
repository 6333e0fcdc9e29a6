package dev.tinyio.tests;

import static dev.tinyio.tests.JavaPrograms.AGENT_JAR;
import static dev.tinyio.tests.JavaPrograms.JAVA;
import static dev.tinyio.tests.JavaPrograms.lineOf;
import static dev.tinyio.tests.JavaPrograms.run;
import static dev.tinyio.tests.JavaPrograms.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.tests.JavaPrograms.Result;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class instrumented at build time and redefined while a coroutine is suspended in it, as a debugger's hot swap
 * does after a rebuild: the coroutine's saved frame names a place the new class no longer has, and resuming it is
 * an error that names the frame, never a jump to the wrong place.
 */
class RedefinedClassTest {
    private static final String TICKER = """
            package demo;

            import dev.tinyio.Coro;

            public final class Ticker {
                public static int ticks() {
                    Coro.yield();
                    Coro.yield(); // second
                    return 2;
                }
            }
            """;
    /** The same class, rebuilt with one yield less. */
    private static final String REBUILT_TICKER = """
            package demo;

            import dev.tinyio.Coro;

            public final class Ticker {
                public static int ticks() {
                    Coro.yield();
                    return 1;
                }
            }
            """;
    /** A stand-in for a debugger: an agent that hands its Instrumentation to the program. */
    private static final String HOT_SWAP = """
            package hotswap;

            import java.lang.instrument.Instrumentation;

            public final class HotSwap {
                public static void premain(String options, Instrumentation instrumentation) {
                    System.getProperties().put("hotswap.instrumentation", instrumentation);
                }
            }
            """;
    private static final String MAIN = """
            package demo;

            import dev.tinyio.Coro;
            import dev.tinyio.Loop;
            import java.lang.instrument.ClassDefinition;
            import java.lang.instrument.Instrumentation;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    Instrumentation hotSwap = (Instrumentation) System.getProperties().get("hotswap.instrumentation");
                    Loop.Run<Integer> run = new Loop().start(Coro.of(Ticker::ticks));
                    run.step();
                    run.step();
                    hotSwap.redefineClasses(new ClassDefinition(Ticker.class, Files.readAllBytes(Path.of(args[0]))));
                    try {
                        while (run.step()) {
                        }
                        System.out.println("result: " + run.result());
                    } catch (IllegalStateException e) {
                        System.out.println("error: " + e.getMessage());
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void a_frame_saved_in_a_class_redefined_since_cannot_be_re_entered() throws Exception {
        Path app = work.resolve("classes");
        Path rebuilt = work.resolve("rebuilt");
        String classpath = runtime().toString();
        JavaPrograms.compile(Map.of("demo/Ticker.java", TICKER, "demo/Main.java", MAIN), work.resolve("src"), app,
                "--release", "17", "-cp", classpath);
        JavaPrograms.compile(Map.of("demo/Ticker.java", REBUILT_TICKER), work.resolve("src-rebuilt"), rebuilt,
                "--release", "17", "-cp", classpath);
        for (Path classes : List.of(app, rebuilt)) {
            Result instrumented = run(List.of(JAVA, "-jar", AGENT_JAR.toString(), "instrument", "--classpath",
                    classpath, classes.toString()));
            assertEquals(0, instrumented.status(), instrumented.output());
        }
        Path hotSwap = hotSwapAgent();

        Result result = run(List.of(JAVA, "-javaagent:" + hotSwap, "-cp", app + File.pathSeparator + classpath,
                "demo.Main", rebuilt.resolve("demo/Ticker.class").toString()));

        assertEquals(0, result.status(), result.output());
        assertEquals(List.of("error: Cannot re-enter Frame[demo.Ticker.ticks(Ticker.java:" + lineOf(TICKER, "// second")
                + ")]: the class was changed since it was saved"), result.lines());
    }

    private Path hotSwapAgent() throws Exception {
        Path classes = work.resolve("hotswap");
        JavaPrograms.compile(Map.of("hotswap/HotSwap.java", HOT_SWAP), work.resolve("src-hotswap"), classes,
                "--release", "17");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "hotswap.HotSwap");
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        Path jar = work.resolve("hotswap.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("hotswap/HotSwap.class"));
            Files.copy(classes.resolve("hotswap/HotSwap.class"), out);
            out.closeEntry();
        }
        return jar;
    }
}
