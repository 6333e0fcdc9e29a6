package dev.tinyio.instrument.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderInstrumenterTest {
    private static final List<String> SAMPLES = List.of("samples/folder/Feed.class", "samples/folder/Reader.class",
            "samples/folder/Plain.class");
    private static final ClassFileFilter ALL = new ClassFileFilter(null, null);

    @TempDir
    Path folder;
    @TempDir
    Path compiledForm;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void copySamples() throws IOException {
        for (String sample : SAMPLES) {
            Path file = folder.resolve(sample);
            Files.createDirectories(file.getParent());
            Files.write(file, original(sample));
        }
    }

    @Test
    void suspending_classes_are_instrumented_in_place_and_run_without_the_agent() throws Exception {
        FolderInstrumenter.Outcome outcome = run(ALL, true);
        assertEquals(3, outcome.checked());
        assertEquals(2, outcome.instrumented());
        assertEquals(List.of(), outcome.failures());
        assertEquals("2 methods may suspend: 1 call Coro.yield, 0 carry @Suspendable, 1 call one of those, 0 call "
                + "through an interface or superclass, 0 call a lambda or method reference", outcome.summary());
        assertArrayEquals(original("samples/folder/Plain.class"),
                Files.readAllBytes(folder.resolve("samples/folder/Plain.class")));
        assertEquals("AB", runReader());
        assertEquals(List.of(), warnings);
    }

    @Test
    void the_index_lists_the_suspendable_methods_of_every_class_in_the_folder() throws Exception {
        run(ALL, true);
        assertEquals(Map.of("samples/folder/Feed", Set.of("fetch(Ljava/lang/String;)Ljava/lang/String;"),
                "samples/folder/Reader", Set.of("both()Ljava/lang/String;")), index());
    }

    @Test
    void a_second_run_rewrites_nothing() throws Exception {
        run(ALL, true);
        Map<Path, FileTime> before = touchAll();
        FolderInstrumenter.Outcome second = run(ALL, true);
        assertEquals(0, second.instrumented());
        assertEquals(before, modificationTimes());
    }

    @Test
    void a_class_recompiled_alone_still_sees_the_instrumented_helper_it_calls_suspend() throws Exception {
        run(ALL, true);
        Files.write(folder.resolve("samples/folder/Reader.class"), original("samples/folder/Reader.class"));
        assertEquals(1, run(ALL, true).instrumented());
        assertEquals("AB", runReader());
    }

    @Test
    void a_class_instrumented_earlier_whose_form_as_compiled_is_gone_asks_for_a_clean_build() throws Exception {
        run(ALL, true);
        Files.delete(compiledForm.resolve("samples/folder/Feed.class"));
        InstrumentationException error = assertThrows(InstrumentationException.class, () -> run(ALL, true));
        assertEquals("tinyio: samples/folder/Feed.class in " + folder + " was instrumented by an earlier build, "
                + "and its form as compiled, which tinyio keeps in " + compiledForm + " to instrument it again, is "
                + "missing. Build from clean: mvn clean verify.", error.getMessage());
    }

    @Test
    void a_class_excluded_after_it_was_instrumented_is_put_back_as_compiled() throws Exception {
        run(ALL, true);
        run(new ClassFileFilter(null, List.of("**/Feed.class")), true);
        assertArrayEquals(original("samples/folder/Feed.class"),
                Files.readAllBytes(folder.resolve("samples/folder/Feed.class")));
        assertFalse(Files.exists(compiledForm.resolve("samples/folder/Feed.class")));
    }

    @Test
    void an_excluded_class_is_left_as_it_was_and_suspending_in_it_is_the_named_error() throws Exception {
        run(new ClassFileFilter(null, List.of("**/Feed.class")), true);
        assertArrayEquals(original("samples/folder/Feed.class"),
                Files.readAllBytes(folder.resolve("samples/folder/Feed.class")));
        InvocationTargetException error = assertThrows(InvocationTargetException.class, this::runReader);
        assertEquals("dev.tinyio.NotInstrumentedError", error.getCause().getClass().getName());
        assertTrue(error.getCause().getMessage().contains("samples.folder.Feed.fetch"), error.getCause().getMessage());
    }

    @Test
    void a_class_that_cannot_be_instrumented_fails_the_run_by_name_and_nothing_is_rewritten() throws Exception {
        byte[] java8 = asJava8(original("samples/folder/Feed.class"));
        Files.write(folder.resolve("samples/folder/Feed.class"), java8);
        InstrumentationException error = assertThrows(InstrumentationException.class, () -> run(ALL, true));
        assertTrue(error.getMessage().contains("samples/folder/Feed.class"), error.getMessage());
        assertTrue(error.getMessage().contains("--release 11"), error.getMessage());
        assertArrayEquals(original("samples/folder/Reader.class"),
                Files.readAllBytes(folder.resolve("samples/folder/Reader.class")));
    }

    @Test
    void without_failing_on_errors_a_class_that_cannot_be_instrumented_is_reported_and_left_as_it_was()
            throws Exception {
        byte[] java8 = asJava8(original("samples/folder/Feed.class"));
        Files.write(folder.resolve("samples/folder/Feed.class"), java8);
        FolderInstrumenter.Outcome outcome = run(ALL, false);
        assertEquals(1, outcome.instrumented());
        assertEquals(1, outcome.failures().size());
        assertTrue(outcome.failures().get(0).contains("samples/folder/Feed.class"), outcome.failures()::toString);
        assertArrayEquals(java8, Files.readAllBytes(folder.resolve("samples/folder/Feed.class")));
    }

    @Test
    void a_class_file_that_cannot_be_parsed_fails_the_run_by_name() throws Exception {
        Files.write(folder.resolve("samples/folder/Broken.class"), truncated(original("samples/folder/Feed.class")));
        InstrumentationException error = assertThrows(InstrumentationException.class, () -> run(ALL, true));
        assertTrue(error.getMessage().contains("samples/folder/Broken.class"), error.getMessage());
    }

    @Test
    void without_failing_on_errors_a_class_file_that_cannot_be_parsed_is_reported_and_left_as_it_was()
            throws Exception {
        byte[] broken = truncated(original("samples/folder/Feed.class"));
        Files.write(folder.resolve("samples/folder/Broken.class"), broken);
        FolderInstrumenter.Outcome outcome = run(ALL, false);
        assertEquals(2, outcome.instrumented());
        assertEquals(1, outcome.failures().size());
        assertTrue(outcome.failures().get(0).contains("samples/folder/Broken.class"), outcome.failures()::toString);
        assertArrayEquals(broken, Files.readAllBytes(folder.resolve("samples/folder/Broken.class")));
        assertEquals("AB", runReader());
    }

    @Test
    void an_excluded_class_file_that_cannot_be_parsed_does_not_fail_the_run() throws Exception {
        byte[] broken = truncated(original("samples/folder/Feed.class"));
        Files.write(folder.resolve("samples/folder/Broken.class"), broken);
        FolderInstrumenter.Outcome outcome = run(new ClassFileFilter(null, List.of("**/Broken.class")), true);
        assertEquals(2, outcome.instrumented());
        assertEquals(1, outcome.failures().size());
        assertArrayEquals(broken, Files.readAllBytes(folder.resolve("samples/folder/Broken.class")));
    }

    @Test
    void a_folder_without_suspendable_methods_has_no_index() throws Exception {
        Path index = folder.resolve(SuspendableIndexFile.PATH);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "samples/Gone run()V\n");
        Files.delete(folder.resolve("samples/folder/Feed.class"));
        Files.delete(folder.resolve("samples/folder/Reader.class"));
        assertEquals(0, run(ALL, true).instrumented());
        assertFalse(Files.exists(index));
    }

    @Test
    void a_class_for_java_8_fails_the_run_with_the_path_and_the_release_to_compile_for() throws Exception {
        Files.write(folder.resolve("samples/folder/Feed.class"), asJava8(original("samples/folder/Feed.class")));
        InstrumentationException error = assertThrows(InstrumentationException.class, () -> run(ALL, true));
        assertEquals("tinyio cannot instrument samples/folder/Feed.class: " + JAVA_8_REFUSED, error.getMessage());
    }

    @Test
    void without_failing_on_errors_a_class_for_java_8_is_reported_word_for_word() throws Exception {
        Files.write(folder.resolve("samples/folder/Feed.class"), asJava8(original("samples/folder/Feed.class")));
        assertEquals(List.of("tinyio cannot instrument samples/folder/Feed.class: " + JAVA_8_REFUSED + " It is left "
                + "as it was; suspending through it throws NotInstrumentedError."), run(ALL, false).failures());
    }

    @Test
    void a_class_file_that_cannot_be_parsed_fails_the_run_with_the_path_and_the_parsers_error() throws Exception {
        Files.write(folder.resolve("samples/folder/Broken.class"), truncated(original("samples/folder/Feed.class")));
        InstrumentationException error = assertThrows(InstrumentationException.class, () -> run(ALL, true));
        assertEquals("tinyio cannot read samples/folder/Broken.class (" + error.getCause() + ")", error.getMessage());
    }

    @Test
    void without_failing_on_errors_a_class_file_that_cannot_be_parsed_is_reported_word_for_word() throws Exception {
        Files.write(folder.resolve("samples/folder/Broken.class"), truncated(original("samples/folder/Feed.class")));
        // The parser's error, as the run that fails on it gives it.
        Throwable parsing = assertThrows(InstrumentationException.class, () -> run(ALL, true)).getCause();
        assertEquals(List.of("tinyio cannot read samples/folder/Broken.class (" + parsing + "). It is left as it "
                + "was."), run(ALL, false).failures());
    }

    /** What the instrumenter says of the sample Feed compiled for Java 8. */
    private static final String JAVA_8_REFUSED = "Cannot instrument samples.folder.Feed.fetch: its class file is for "
            + "Java 8, and suspendable code needs Java 11 or later class files. Compile it with --release 11 or later.";

    private FolderInstrumenter.Outcome run(ClassFileFilter filter, boolean failOnError) throws Exception {
        try (ClasspathSource source = new ClasspathSource(List.of(folder, runtime()))) {
            return new FolderInstrumenter(folder, compiledForm, source, filter, warnings::add).run(failOnError);
        }
    }

    /** Runs the sample in a loader that sees only the folder and the runtime, as a program without the agent. */
    private String runReader() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL(), runtime().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            return (String) loader.loadClass("samples.folder.Reader").getMethod("run").invoke(null);
        }
    }

    private Map<String, Set<String>> index() throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve(SuspendableIndexFile.PATH))) {
            return SuspendableIndexFile.read(in, folder.toString());
        }
    }

    /** Sets every file's time well into the past, so that a rewrite would show. */
    private Map<Path, FileTime> touchAll() throws IOException {
        for (Path file : modificationTimes().keySet()) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        }
        return modificationTimes();
    }

    private Map<Path, FileTime> modificationTimes() throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (var files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private static Path runtime() throws URISyntaxException {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static byte[] original(String path) throws IOException {
        try (InputStream in = FolderInstrumenterTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** The first part of a class file, past the mention of the library: a parser runs off its end. */
    private static byte[] truncated(byte[] classFile) {
        return java.util.Arrays.copyOf(classFile, classFile.length * 2 / 3);
    }

    /** The same class file, marked as compiled for Java 8, which the instrumenter refuses. */
    private static byte[] asJava8(byte[] classFile) {
        byte[] copy = classFile.clone();
        copy[6] = 0;
        copy[7] = 52;
        return copy;
    }
}
