package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samples.Helpers;

/**
 * The index a build writes records the contract version in its header line; one of another version, or of none
 * (version 0), is refused by whoever reads it, naming the folder or jar, both versions and the fix.
 */
class IndexVersionTest {
    private static final String HELPERS = "samples/Helpers";
    /** How the fix names the plugin when the instrumenter runs from its classes, not its jar. */
    private static final String PLUGIN = "the tinyio-maven-plugin of this instrumenter's version";

    @TempDir
    Path work;

    @Test
    void the_header_line_records_the_contract_version() {
        String text = new String(SuspendableIndexFile.format(Map.of("a/A", Set.of("run()V"))), StandardCharsets.UTF_8);
        assertEquals("# tinyio contract " + ContractVersion.CURRENT + ": methods that suspend, one 'class "
                + "name+descriptor' a line\na/A run()V\n", text);
    }

    @Test
    void an_index_without_a_version_line_is_of_version_0_and_refused_with_where_both_versions_and_the_fix() {
        IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
                () -> read("# tinyio: methods that suspend, one 'class name+descriptor' a line\na/A run()V\n"));
        assertEquals("tinyio: the classes in /deps/lib-1.0.jar were instrumented for version 0 of the contract "
                + "between instrumented code and tinyio's runtime (their META-INF/tinyio/suspendable.idx records no "
                + "version), but this instrumenter implements version " + ContractVersion.CURRENT + ". Build that "
                + "module again with " + PLUGIN + " (mvn clean verify).", refused.getMessage());
    }

    @Test
    void an_index_of_another_version_is_refused_before_its_lines_are_read() {
        int other = ContractVersion.CURRENT + 1;
        IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
                () -> read("# tinyio contract " + other + ": methods in a format of its own\na/A run\n"));
        assertEquals("tinyio: the classes in /deps/lib-1.0.jar were instrumented for version " + other + " of the "
                + "contract between instrumented code and tinyio's runtime (as their META-INF/tinyio/suspendable.idx "
                + "records), but this instrumenter implements version " + ContractVersion.CURRENT + ". Build that "
                + "module again with " + PLUGIN + " (mvn clean verify).", refused.getMessage());
    }

    @Test
    void indexes_merged_into_one_file_are_read_as_one_when_every_part_is_of_this_version() throws IOException {
        String merged = text(Map.of("a/A", Set.of("run()V"))) + text(Map.of("b/B", Set.of("go()V")));
        assertEquals(Map.of("a/A", Set.of("run()V"), "b/B", Set.of("go()V")), read(merged));
        String mixed = merged + "# tinyio contract " + (ContractVersion.CURRENT + 1) + ": methods\nc/C go()V\n";
        assertThrows(IncompatibleContractException.class, () -> read(mixed));
    }

    @Test
    void a_header_with_a_version_that_is_no_number_is_malformed() {
        IOException error = assertThrows(IOException.class, () -> read("# tinyio contract one: methods\n"));
        assertEquals("Malformed line in META-INF/tinyio/suspendable.idx: '# tinyio contract one: methods'",
                error.getMessage());
    }

    @Test
    void the_agent_names_the_folder_whose_index_is_of_another_version() throws Exception {
        Path built = work.resolve("built");
        write(built.resolve(HELPERS + ".class"), instrumentedHelpers());
        write(built.resolve(SuspendableIndexFile.PATH), ("# tinyio: methods that suspend, one 'class "
                + "name+descriptor' a line\n" + HELPERS + " twice(I)I\n").getBytes(StandardCharsets.UTF_8));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {built.toUri().toURL()}, null)) {
            IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
                    () -> ClassSource.of(loader).recordedSuspendableMethods(HELPERS));
            assertTrue(refused.getMessage().startsWith("tinyio: the classes in " + built + " were instrumented for "
                    + "version 0 "), refused.getMessage());
        }
    }

    @Test
    void the_agent_names_the_jar_whose_index_is_of_another_version() throws Exception {
        Path jar = work.resolve("lib-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, HELPERS + ".class", instrumentedHelpers());
            put(out, SuspendableIndexFile.PATH, (HELPERS + " twice(I)I\n").getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
                    () -> ClassSource.of(loader).recordedSuspendableMethods(HELPERS));
            assertTrue(refused.getMessage().startsWith("tinyio: the classes in " + jar + " were instrumented for "
                    + "version 0 "), refused.getMessage());
        }
    }

    private static Map<String, Set<String>> read(String index) throws IOException {
        return SuspendableIndexFile.read(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8)),
                "/deps/lib-1.0.jar");
    }

    private static String text(Map<String, Set<String>> byClass) {
        return new String(SuspendableIndexFile.format(byClass), StandardCharsets.UTF_8);
    }

    private static byte[] instrumentedHelpers() {
        return new Instrumenter(ClassSource.of(IndexVersionTest.class.getClassLoader()))
                .instrument(InstrumentingLoader.original(Helpers.class.getName()));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }
}
