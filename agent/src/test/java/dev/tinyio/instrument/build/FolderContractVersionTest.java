package dev.tinyio.instrument.build;

import static dev.tinyio.instrument.build.FolderInstrumenterTest.original;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.Coro;
import dev.tinyio.instrument.ContractVersion;
import dev.tinyio.instrument.IncompatibleContractException;
import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;

/**
 * The folder instrumenter (the Maven plugin's goals, the command line) meeting classes instrumented for another
 * version of the contract between instrumented code and the runtime: in the folder it instruments, which it
 * instruments again from their form as compiled, or asks for a clean build when that is gone; and in a dependency,
 * whose index says so, which fails the run whatever {@code failOnError} says.
 */
class FolderContractVersionTest {
    private static final ClassFileFilter ALL = new ClassFileFilter(null, null);
    private static final String FEED = "samples/folder/Feed.class";
    private static final String READER = "samples/folder/Reader.class";
    /** The header of an index written before versions were recorded. */
    private static final String OLD_HEADER = "# tinyio: methods that suspend, one 'class name+descriptor' a line\n";

    @TempDir
    Path work;

    @Test
    void a_class_an_earlier_build_instrumented_for_another_version_is_instrumented_again_for_this_one()
            throws Exception {
        Path classes = folderOf(FEED, READER);
        run(classes, List.of(), true);
        Files.write(classes.resolve(FEED), withContract(Files.readAllBytes(classes.resolve(FEED)), 0));
        Files.writeString(classes.resolve(SuspendableIndexFile.PATH), OLD_HEADER
                + "samples/folder/Feed fetch(Ljava/lang/String;)Ljava/lang/String;\n");
        run(classes, List.of(), true);
        assertEquals(OptionalInt.of(ContractVersion.CURRENT), ContractVersion.of(Files.readAllBytes(
                classes.resolve(FEED))));
        assertEquals("# tinyio contract " + ContractVersion.CURRENT, Files.readString(classes.resolve(
                SuspendableIndexFile.PATH)).lines().findFirst().orElseThrow().split(":")[0]);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), runtime().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertEquals("AB", loader.loadClass("samples.folder.Reader").getMethod("run").invoke(null));
        }
    }

    @Test
    void a_class_of_another_version_whose_form_as_compiled_is_gone_asks_for_a_clean_build_naming_both_versions()
            throws Exception {
        Path classes = folderOf(FEED, READER);
        run(classes, List.of(), true);
        int other = ContractVersion.CURRENT + 1;
        Files.write(classes.resolve(FEED), withContract(Files.readAllBytes(classes.resolve(FEED)), other));
        Files.delete(compiledForm(classes).resolve(FEED));
        IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
                () -> run(classes, List.of(), false));
        assertEquals("tinyio: samples/folder/Feed.class in " + classes + " was instrumented for version " + other
                + " of the contract between instrumented code and tinyio's runtime, but this instrumenter implements "
                + "version " + ContractVersion.CURRENT + ", and its form as compiled, which tinyio keeps in "
                + compiledForm(classes) + " to instrument it again, is missing. Build from clean: mvn clean verify.",
                refused.getMessage());
    }

    @Test
    void a_dependency_whose_index_is_of_another_version_fails_the_run_even_when_failures_are_only_reported()
            throws Exception {
        Path dependency = folderOf(FEED);
        run(dependency, List.of(), true);
        Files.writeString(dependency.resolve(SuspendableIndexFile.PATH), OLD_HEADER
                + "samples/folder/Feed fetch(Ljava/lang/String;)Ljava/lang/String;\n", StandardCharsets.UTF_8);
        Path classes = folderOf(READER);
        IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
                () -> run(classes, List.of(dependency), false));
        assertEquals("tinyio: the classes in " + dependency + " were instrumented for version 0 of the contract "
                + "between instrumented code and tinyio's runtime (their META-INF/tinyio/suspendable.idx records no "
                + "version), but this instrumenter implements version " + ContractVersion.CURRENT + ". Build that "
                + "module again with the tinyio-maven-plugin of this instrumenter's version (mvn clean verify).",
                refused.getMessage());
    }

    /**
     * A class file whose marker records another contract version: none at all for version 0, as a class
     * instrumented before versions were recorded.
     */
    static byte[] withContract(byte[] classFile, int version) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        for (AnnotationNode marker : node.visibleAnnotations) {
            int at = marker.values == null ? -1 : marker.values.indexOf("contract");
            if (at >= 0 && version == 0) {
                marker.values.subList(at, at + 2).clear();
            } else if (at >= 0) {
                marker.values.set(at + 1, version);
            }
        }
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }

    /** A folder of its own holding some of the samples as compiled. */
    private Path folderOf(String... samples) throws IOException {
        Path folder = Files.createTempDirectory(work, "classes");
        for (String sample : samples) {
            Files.createDirectories(folder.resolve(sample).getParent());
            Files.write(folder.resolve(sample), original(sample));
        }
        return folder;
    }

    private Path compiledForm(Path classes) {
        return work.resolve("kept-" + classes.getFileName());
    }

    private void run(Path classes, List<Path> dependencies, boolean failOnError) throws Exception {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(dependencies);
        classpath.add(runtime());
        try (ClasspathSource source = new ClasspathSource(classpath)) {
            new FolderInstrumenter(classes, compiledForm(classes), source, ALL, warning -> { }).run(failOnError);
        }
    }

    private static Path runtime() throws URISyntaxException {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
