package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent analyses every class folder a class loader names at once, whichever of them its first class comes
 * from: here two folders under a {@link URLClassLoader} of their own, as frameworks and test runners load an
 * application, the caller's folder first.
 */
class AgentLoadersTest {
    @TempDir
    Path work;

    @Test
    void helpers_in_another_folder_of_the_same_loader_suspend_as_if_they_were_one_program() throws Exception {
        Path helpers = compile("helpers", List.of(), Map.of("app/Runner.java", """
                package app;
                public final class Runner implements java.util.function.IntSupplier {
                    public interface Task { int run(int x); }
                    private final java.util.function.IntSupplier inner;
                    public Runner(java.util.function.IntSupplier inner) { this.inner = inner; }
                    public int getAsInt() { return inner.getAsInt() + 1; }
                    public static int viaTask(Task task) { return task.run(4) * 10; }
                }"""));
        Path main = compile("main", List.of(helpers), Map.of("app/Main.java", """
                package app;
                import dev.tinyio.Coro;
                import dev.tinyio.Loop;
                public final class Main implements java.util.function.Supplier<String> {
                    public String get() {
                        int decorated = new Loop().run(Coro.of(() -> new Runner(() -> { Coro.yield(); return 5; })
                                .getAsInt()));
                        int viaTask = new Loop().run(Coro.of(
                                () -> Runner.viaTask(x -> { Coro.yield(); return x + 1; })));
                        return decorated + " " + viaTask;
                    }
                }"""));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {main.toUri().toURL(), helpers.toUri().toURL()},
                AgentLoadersTest.class.getClassLoader())) {
            Object app = loader.loadClass("app.Main").getDeclaredConstructor().newInstance();
            assertEquals("6 50", ((java.util.function.Supplier<?>) app).get());
        }
    }

    private Path compile(String name, List<Path> classpath, Map<String, String> sources) throws Exception {
        Path output = Files.createDirectories(work.resolve(name));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", output.toString(), "-cp",
                String.join(java.io.File.pathSeparator, runtime(), String.join(java.io.File.pathSeparator,
                        classpath.stream().map(Path::toString).toList()))));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(name + "-src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(new String[0])));
        return output;
    }

    private static String runtime() throws Exception {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
