package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samples.CallsHelpers;
import samples.Helpers;

/**
 * The index a build writes beside the classes it instrumented: an instrumented class's bytes no longer show its
 * yields, so callers instrumented later (by the agent, or another module's build) learn what suspends from it.
 */
class RecordedIndexTest {
    private static final String HELPERS = "samples/Helpers";
    private static final ClassSource TEST_CLASSES = ClassSource.of(RecordedIndexTest.class.getClassLoader());

    private final byte[] helpers = InstrumentingLoader.original(Helpers.class.getName());
    private final byte[] instrumentedHelpers = new Instrumenter(TEST_CLASSES).instrument(helpers);
    private final byte[] caller = InstrumentingLoader.original(CallsHelpers.class.getName());

    @Test
    void suspendable_methods_are_the_same_before_and_after_instrumenting_given_the_record() {
        Set<String> before = new Instrumenter(TEST_CLASSES).suspendableMethods(helpers);
        assertTrue(before.contains("twice(I)I"), before::toString);
        Set<String> after = new Instrumenter(recording(Map.of(HELPERS, before))).suspendableMethods(
                instrumentedHelpers);
        assertEquals(before, after);
    }

    @Test
    void a_caller_of_an_instrumented_class_suspends_as_the_record_says() {
        assertTrue(new Instrumenter(recording(Map.of(HELPERS, Set.of("twice(I)I"))))
                .suspendableMethods(caller).contains("quadruple(I)I"));
    }

    @Test
    void without_a_record_the_marker_of_the_instrumented_class_still_says_what_suspends() {
        assertTrue(new Instrumenter(recording(Map.of())).suspendableMethods(caller).contains("quadruple(I)I"));
    }

    @Test
    void a_record_never_overrides_the_bytes_of_a_class_not_yet_instrumented() {
        ClassSource stale = recording(Map.of(HELPERS, Set.of()));
        assertTrue(new Instrumenter(stale).suspendableMethods(helpers).contains("twice(I)I"));
    }

    @Test
    void a_class_loader_reads_the_index_in_the_same_folder_as_the_class(@TempDir Path folder) throws Exception {
        Path built = folder.resolve("built");
        write(built.resolve(HELPERS + ".class"), instrumentedHelpers);
        write(built.resolve(SuspendableIndexFile.PATH),
                SuspendableIndexFile.format(Map.of(HELPERS, Set.of("twice(I)I"))));
        Path other = folder.resolve("other");
        write(other.resolve("samples/CallsHelpers.class"), caller);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {built.toUri().toURL(), other.toUri().toURL()},
                null)) {
            ClassSource source = ClassSource.of(loader);
            assertEquals(Set.of("twice(I)I"), source.recordedSuspendableMethods(HELPERS));
            assertNull(source.recordedSuspendableMethods("samples/CallsHelpers"));
            assertTrue(new Instrumenter(source).suspendableMethods(caller).contains("quadruple(I)I"));
        }
    }

    @Test
    void the_index_is_found_beside_a_class_whose_loader_url_is_not_a_valid_uri(@TempDir Path folder)
            throws Exception {
        // File.toURL(), still used by containers and tools, leaves spaces unescaped in the URLs the loader returns.
        Path built = folder.resolve("with space");
        write(built.resolve(HELPERS + ".class"), instrumentedHelpers);
        write(built.resolve(SuspendableIndexFile.PATH),
                SuspendableIndexFile.format(Map.of(HELPERS, Set.of("twice(I)I"))));
        @SuppressWarnings("deprecation")
        URL unescaped = built.toFile().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {unescaped}, null)) {
            assertEquals(Set.of("twice(I)I"), ClassSource.of(loader).recordedSuspendableMethods(HELPERS));
        }
    }

    @Test
    void the_index_is_sorted_text_that_reads_back_the_same() throws IOException {
        Map<String, Set<String>> byClass = Map.of("b/B", Set.of("y()V", "x(I)I"), "a/A", Set.of("run()V"));
        byte[] text = SuspendableIndexFile.format(byClass);
        assertTrue(new String(text, StandardCharsets.UTF_8).endsWith("a/A run()V\nb/B x(I)I\nb/B y()V\n"));
        assertEquals(byClass, SuspendableIndexFile.read(new ByteArrayInputStream(text), "a folder"));
    }

    @Test
    void a_malformed_index_line_is_an_error_that_quotes_it() {
        IOException error = assertThrows(IOException.class, () -> SuspendableIndexFile.read(
                new ByteArrayInputStream(("# tinyio contract " + ContractVersion.CURRENT + ": methods\na/A run\n")
                        .getBytes(StandardCharsets.UTF_8)), "a folder"));
        assertEquals("Malformed line in META-INF/tinyio/suspendable.idx: 'a/A run'", error.getMessage());
    }

    /** The test classes, except that Helpers is the instrumented one and the index says what the map says. */
    private ClassSource recording(Map<String, Set<String>> index) {
        return new ClassSource() {
            @Override
            public byte[] bytesOf(String internalName) {
                return internalName.equals(HELPERS) ? instrumentedHelpers : TEST_CLASSES.bytesOf(internalName);
            }

            @Override
            public Set<String> recordedSuspendableMethods(String internalName) {
                return index.get(internalName);
            }
        };
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
