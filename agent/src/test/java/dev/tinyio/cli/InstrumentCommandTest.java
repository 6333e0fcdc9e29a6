package dev.tinyio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.instrument.ContractVersion;
import dev.tinyio.instrument.SuspendableIndexFile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command-line instrumenter prints to its error stream, word for word, and the status it exits with: for
 * arguments it does not understand (then the usage), a class it cannot instrument, and a class path it cannot
 * read.
 */
class InstrumentCommandTest {
    @TempDir
    Path work;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InstrumentCommand.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A usage error: its line, a blank line and the usage, status 2, nothing on the standard output. */
    private static void assertUsage(String line, String... arguments) {
        Outcome outcome = run(arguments);
        assertEquals(new Outcome(2, "", line + System.lineSeparator() + System.lineSeparator()
                + InstrumentCommand.USAGE_TEXT), outcome);
    }

    @Test
    void no_arguments_at_all_name_the_missing_command() {
        assertUsage("tinyio: no command given");
    }

    @Test
    void an_unknown_command_is_quoted() {
        assertUsage("tinyio: unknown command 'instrumnet'", "instrumnet", work.toString());
    }

    @Test
    void an_unknown_option_is_quoted() {
        assertUsage("tinyio: unknown option '--fail-on-error'", "instrument", "--fail-on-error", work.toString());
    }

    @Test
    void an_argument_that_is_not_a_folder_is_quoted() {
        String missing = work.resolve("build/classes").toString();
        assertUsage("tinyio: '" + missing + "' is not a folder of classes", "instrument", missing);
    }

    @Test
    void options_without_a_folder_say_that_none_was_given() {
        assertUsage("tinyio: no folder of classes given", "instrument", "--no-fail-on-error");
    }

    @Test
    void each_option_that_takes_a_value_names_itself_when_the_value_is_missing() {
        for (String option : List.of("--classpath", "-cp", "--include", "--exclude")) {
            assertUsage("tinyio: the option " + option + " needs a value", "instrument", work.toString(), option);
        }
    }

    @Test
    void a_class_it_cannot_instrument_fails_with_status_1_and_the_option_to_leave_it() throws Exception {
        Path classes = work.resolve("classes");
        byte[] feed = sample("samples/folder/Feed.class");
        // Marked as compiled for Java 8, which the instrumenter refuses.
        feed[6] = 0;
        feed[7] = 52;
        Files.createDirectories(classes.resolve("samples/folder"));
        Files.write(classes.resolve("samples/folder/Feed.class"), feed);
        Outcome outcome = run("instrument", "--classpath", runtime().toString(), classes.toString());
        assertEquals(new Outcome(1, "", "tinyio cannot instrument samples/folder/Feed.class: Cannot instrument "
                + "samples.folder.Feed.fetch: its class file is for Java 8, and suspendable code needs Java 11 or "
                + "later class files. Compile it with --release 11 or later. (pass --no-fail-on-error to leave such "
                + "classes as compiled, or exclude them)" + System.lineSeparator()), outcome);
    }

    @Test
    void a_classpath_element_that_is_not_a_jar_fails_with_status_1_naming_it() throws Exception {
        Path classes = work.resolve("classes");
        Files.createDirectories(classes.resolve("samples/folder"));
        Files.write(classes.resolve("samples/folder/Feed.class"), sample("samples/folder/Feed.class"));
        Path notAJar = Files.writeString(work.resolve("lib.jar"), "not a jar");
        Outcome outcome = run("instrument", "--classpath", notAJar + File.pathSeparator + runtime(),
                classes.toString());
        assertEquals(new Outcome(1, "", "tinyio could not instrument the classes: java.io.UncheckedIOException: "
                + "Cannot open " + notAJar + " as a jar" + System.lineSeparator()), outcome);
    }

    @Test
    void a_dependency_with_a_malformed_index_fails_with_status_1_naming_it() throws Exception {
        // Reader calls Feed, which a dependency instrumented earlier, and whose index got a line that names no
        // method.
        Path dependency = work.resolve("dependency");
        Files.createDirectories(dependency.resolve("samples/folder"));
        Files.write(dependency.resolve("samples/folder/Feed.class"), sample("samples/folder/Feed.class"));
        assertEquals(0, run("instrument", "--classpath", runtime().toString(), dependency.toString()).status());
        Files.writeString(dependency.resolve(SuspendableIndexFile.PATH), "# tinyio contract "
                + ContractVersion.CURRENT + ": methods that suspend\nsamples/folder/Feed fetch\n");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes.resolve("samples/folder"));
        Files.write(classes.resolve("samples/folder/Reader.class"), sample("samples/folder/Reader.class"));
        Outcome outcome = run("instrument", "--classpath", dependency + File.pathSeparator + runtime(),
                classes.toString());
        assertEquals(new Outcome(1, "", "tinyio could not instrument the classes: java.io.UncheckedIOException: "
                + "Cannot read META-INF/tinyio/suspendable.idx in " + dependency + System.lineSeparator()), outcome);
    }

    @Test
    void a_dependency_whose_index_is_of_another_contract_version_fails_with_status_1_naming_it_and_the_fix()
            throws Exception {
        // Reader calls Feed, which a dependency instrumented before indexes recorded their version.
        Path dependency = work.resolve("dependency");
        Files.createDirectories(dependency.resolve("samples/folder"));
        Files.write(dependency.resolve("samples/folder/Feed.class"), sample("samples/folder/Feed.class"));
        assertEquals(0, run("instrument", "--classpath", runtime().toString(), dependency.toString()).status());
        Files.writeString(dependency.resolve(SuspendableIndexFile.PATH), "# tinyio: methods that suspend\n"
                + "samples/folder/Feed fetch(Ljava/lang/String;)Ljava/lang/String;\n");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes.resolve("samples/folder"));
        Files.write(classes.resolve("samples/folder/Reader.class"), sample("samples/folder/Reader.class"));
        // Leaving classes as compiled would not help: the option changes nothing.
        Outcome outcome = run("instrument", "--no-fail-on-error", "--classpath", dependency + File.pathSeparator
                + runtime(), classes.toString());
        assertEquals(new Outcome(1, "", "tinyio: the classes in " + dependency + " were instrumented for version 0 "
                + "of the contract between instrumented code and tinyio's runtime (their "
                + "META-INF/tinyio/suspendable.idx records no version), but this instrumenter implements version "
                + ContractVersion.CURRENT + ". Build that module again with the tinyio-maven-plugin of this "
                + "instrumenter's version (mvn clean verify)." + System.lineSeparator()), outcome);
    }

    private static byte[] sample(String path) throws IOException {
        try (InputStream in = InstrumentCommandTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static Path runtime() throws URISyntaxException {
        return Path.of(Coro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
