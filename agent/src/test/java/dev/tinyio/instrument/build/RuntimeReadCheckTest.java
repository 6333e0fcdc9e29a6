package dev.tinyio.instrument.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.instrument.SourceFiles;
import java.io.File;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named module built with the plugin: classes the analysis instruments although they never name tinyio (helpers
 * calling a library that suspends) need their module to read the runtime's, which only its {@code module-info}
 * can say. Each module here is compiled from source as a user writes it, against the runtime as a module.
 */
class RuntimeReadCheckTest {
    private static final ClassFileFilter ALL = new ClassFileFilter(null, null);

    @TempDir
    Path work;
    private Path lib;
    private Path app;

    /** A library module that names tinyio: its steps suspend, and its index says so. */
    @BeforeEach
    void library() throws Exception {
        lib = work.resolve("lib");
        compile(lib, List.of(), Map.of(
                "module-info.java", "module demo.lib { requires dev.tinyio; exports demo.lib; }",
                "demo/lib/Steps.java", """
                        package demo.lib;
                        public final class Steps {
                            public static int step(int x) { dev.tinyio.Coro.yield(); return x; }
                        }"""));
        instrument(lib, List.of());
        app = work.resolve("app");
    }

    @Test
    void a_module_whose_helpers_suspend_through_another_module_must_require_the_runtime() throws Exception {
        compile(app, List.of(lib), Map.of(
                "module-info.java", "module demo.app { requires demo.lib; exports demo.app; }",
                "demo/app/Helper.java", """
                        package demo.app;
                        public final class Helper {
                            public static int twoSteps() { return demo.lib.Steps.step(1) + demo.lib.Steps.step(2); }
                        }""",
                "demo/app/Report.java", """
                        package demo.app;
                        public final class Report {
                            public static String daily() { return "daily:" + Helper.twoSteps(); }
                        }""",
                "demo/app/Plain.java", """
                        package demo.app;
                        public final class Plain {
                            public static int one() { return 1; }
                        }"""));
        instrument(app, List.of(lib));
        assertEquals(Optional.of("Module demo.app does not read dev.tinyio, the tinyio runtime, which the classes "
                + "tinyio instrumented in it call: demo.app.Helper, demo.app.Report (instrumented because they may "
                + "suspend). Run, they would fail with IllegalAccessError. Add this line to module demo.app's "
                + "module-info.java: requires dev.tinyio;"), RuntimeReadCheck.problem(app, classpath(lib)));
    }

    @Test
    void the_message_names_five_classes_and_counts_the_others() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("module-info.java", "module demo.app { requires demo.lib; }");
        for (int i = 1; i <= 7; i++) {
            files.put("demo/app/Helper" + i + ".java", """
                    package demo.app;
                    final class Helper%d {
                        static int step() { return demo.lib.Steps.step(%d); }
                    }""".formatted(i, i));
        }
        compile(app, List.of(lib), files);
        instrument(app, List.of(lib));
        String problem = RuntimeReadCheck.problem(app, classpath(lib)).orElseThrow();
        assertTrue(problem.contains(" call: demo.app.Helper1, demo.app.Helper2, demo.app.Helper3, demo.app.Helper4, "
                + "demo.app.Helper5 and 2 more (instrumented because they may suspend)."), problem);
    }

    @Test
    void one_class_is_named_in_the_singular() throws Exception {
        compile(app, List.of(lib), Map.of(
                "module-info.java", "module demo.app { requires demo.lib; }",
                "demo/app/Helper.java", """
                        package demo.app;
                        final class Helper {
                            static int step() { return demo.lib.Steps.step(1); }
                        }"""));
        instrument(app, List.of(lib));
        assertEquals(Optional.of("Module demo.app does not read dev.tinyio, the tinyio runtime, which the class "
                + "tinyio instrumented in it calls: demo.app.Helper (instrumented because it may suspend). Run, it "
                + "would fail with IllegalAccessError. Add this line to module demo.app's module-info.java: "
                + "requires dev.tinyio;"), RuntimeReadCheck.problem(app, classpath(lib)));
    }

    @Test
    void the_instrumented_classes_of_such_a_module_fail_with_illegal_access_error_unless_it_reads_the_runtime_first()
            throws Exception {
        compile(app, List.of(lib), Map.of(
                "module-info.java", "module demo.app { requires demo.lib; exports demo.app; }",
                "demo/app/Helper.java", """
                        package demo.app;
                        public final class Helper {
                            public static int twoSteps() { return demo.lib.Steps.step(1) + demo.lib.Steps.step(2); }
                        }"""));
        instrument(app, List.of(lib));

        ModuleLayer.Controller alone = layerOfApp();
        Class<?> helper = alone.layer().findLoader("demo.app").loadClass("demo.app.Helper");
        // The first call into the runtime is the contract check, first in the class's static initialiser.
        IllegalAccessError refused = assertThrows(IllegalAccessError.class,
                () -> helper.getMethod("twoSteps").invoke(null));
        assertTrue(refused.getMessage().endsWith("cannot access class dev.tinyio.internal.Contract (in module "
                + "dev.tinyio) because module demo.app does not read module dev.tinyio"), refused.getMessage());
        // The class's initialisation failed for good: reading the runtime afterwards does not help this class.
        alone.addReads(helper.getModule(), alone.layer().findModule("dev.tinyio").orElseThrow());
        NoClassDefFoundError unusable = assertThrows(NoClassDefFoundError.class,
                () -> helper.getMethod("twoSteps").invoke(null));
        assertEquals("Could not initialize class demo.app.Helper", unusable.getMessage());

        // Read before the class first runs, it runs: outside a loop, the step's yield refuses as plain tinyio does.
        ModuleLayer.Controller reading = layerOfApp();
        reading.addReads(reading.layer().findModule("demo.app").orElseThrow(),
                reading.layer().findModule("dev.tinyio").orElseThrow());
        Class<?> readingHelper = reading.layer().findLoader("demo.app").loadClass("demo.app.Helper");
        InvocationTargetException failure = assertThrows(InvocationTargetException.class,
                () -> readingHelper.getMethod("twoSteps").invoke(null));
        assertEquals(IllegalStateException.class, failure.getCause().getClass());
    }

    @Test
    void a_module_that_requires_the_runtime_is_fine() throws Exception {
        compile(app, List.of(lib), Map.of(
                "module-info.java", "module demo.app { requires demo.lib; requires dev.tinyio; }",
                "demo/app/Helper.java", """
                        package demo.app;
                        final class Helper {
                            static int step() { return demo.lib.Steps.step(1); }
                        }"""));
        instrument(app, List.of(lib));
        assertEquals(Optional.empty(), RuntimeReadCheck.problem(app, classpath(lib)));
    }

    @Test
    void a_module_that_requires_one_that_requires_the_runtime_transitively_reads_it_too() throws Exception {
        Path api = work.resolve("api");
        compile(api, List.of(), Map.of(
                "module-info.java", "module demo.api { requires transitive dev.tinyio; exports demo.api; }",
                "demo/api/Api.java", "package demo.api; public final class Api { }"));
        Path apiJar = jar(api, work.resolve("api.jar"));
        compile(app, List.of(lib, apiJar), Map.of(
                "module-info.java", "module demo.app { requires demo.lib; requires demo.api; }",
                "demo/app/Helper.java", """
                        package demo.app;
                        final class Helper {
                            static int step() { return demo.lib.Steps.step(1); }
                        }"""));
        instrument(app, List.of(lib, apiJar));
        assertEquals(Optional.empty(), RuntimeReadCheck.problem(app, classpath(lib, apiJar)));
    }

    @Test
    void a_module_with_nothing_instrumented_need_not_read_the_runtime() throws Exception {
        compile(app, List.of(lib), Map.of(
                "module-info.java", "module demo.app { requires demo.lib; }",
                "demo/app/Plain.java", "package demo.app; final class Plain { static int one() { return 1; } }"));
        instrument(app, List.of(lib));
        assertEquals(Optional.empty(), RuntimeReadCheck.problem(app, classpath(lib)));
    }

    @Test
    void classes_outside_a_named_module_are_not_checked() throws Exception {
        compile(app, List.of(lib), Map.of(
                "demo/app/Helper.java", """
                        package demo.app;
                        final class Helper {
                            static int step() { return demo.lib.Steps.step(1); }
                        }"""));
        instrument(app, List.of(lib));
        assertTrue(Files.isRegularFile(app.resolve("META-INF/tinyio/suspendable.idx")), "nothing was instrumented");
        assertEquals(Optional.empty(), RuntimeReadCheck.problem(app, classpath(lib)));
    }

    /** A layer of its own of the module in {@link #app}, the library's and the runtime's, with one loader. */
    private ModuleLayer.Controller layerOfApp() throws Exception {
        Configuration modules = Configuration.resolve(ModuleFinder.of(app, lib, runtime()),
                List.of(ModuleLayer.boot().configuration()), ModuleFinder.of(), Set.of("demo.app"));
        return ModuleLayer.defineModulesWithOneLoader(modules, List.of(ModuleLayer.boot()),
                ClassLoader.getPlatformClassLoader());
    }

    /** Compiles sources, with or without a module-info, against the runtime as a module and other folders. */
    private void compile(Path output, List<Path> modulePath, Map<String, String> files) throws Exception {
        List<Path> path = new ArrayList<>(modulePath);
        path.add(0, runtime());
        SourceFiles.compile(work.resolve("src").resolve(output.getFileName()), output,
                files.containsKey("module-info.java") ? "--module-path" : "-cp", path, files);
    }

    /** Instruments a folder as the plugin does, against the runtime and the other folders. */
    private void instrument(Path folder, List<Path> others) throws Exception {
        try (ClasspathSource source = new ClasspathSource(classpath(folder, others))) {
            new FolderInstrumenter(folder, work.resolve("kept").resolve(folder.getFileName()), source, ALL,
                    warning -> { }).run(true);
        }
    }

    private static List<Path> classpath(Path first, List<Path> others) throws Exception {
        List<Path> classpath = new ArrayList<>();
        classpath.add(first);
        classpath.addAll(others);
        classpath.add(runtime());
        return classpath;
    }

    private List<Path> classpath(Path... others) throws Exception {
        return classpath(app, List.of(others));
    }

    private static Path jar(Path folder, Path jar) throws Exception {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** The runtime as the tests see it, its folder or jar, with its module-info. */
    private static Path runtime() throws Exception {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
