package dev.tinyio.cli;

import dev.tinyio.instrument.IncompatibleContractException;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.build.ClassFileFilter;
import dev.tinyio.instrument.build.ClasspathSource;
import dev.tinyio.instrument.build.FolderInstrumenter;
import dev.tinyio.instrument.build.RuntimeReadCheck;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command-line instrumenter, for build tools other than Maven: {@code java -jar tinyio-agent-<version>-all.jar
 * instrument [options] <classes-folder>...} does to each folder, in the order given, what the Maven plugin's goals
 * do to {@code target/classes} and {@code target/test-classes}: the same analysis, the same index, the same kept
 * forms for the next build (under {@code ../tinyio/<folder name>}, as the plugin's {@code target/tinyio/classes}).
 */
public final class InstrumentCommand {
    /** Exit status of a run in which a class could not be instrumented. */
    static final int FAILED = 1;
    /** Exit status of a run given arguments it does not understand. */
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: java -jar tinyio-agent-<version>-all.jar instrument [options] <classes-folder>...

            Instruments the class files in each folder in place, in the order given (main classes before test
            classes), as tinyio-maven-plugin does: every folder is analysed as one program, and an earlier folder is
            on the classpath of a later one.

            Options:
              --classpath <path>       the folders and jars the classes are compiled against, separated by '%s'
              --include <pattern>      Ant-style pattern of class files to instrument, such as com/acme/**
                                       (repeatable; all when none is given)
              --exclude <pattern>      class files to leave as compiled, such as **/Legacy*.class (repeatable)
              --no-fail-on-error       report a class that cannot be instrumented, and leave it as compiled
            """.formatted(File.pathSeparator);

    private InstrumentCommand() {
    }

    /**
     * Runs the command and exits with its status: 0 when every class was instrumented, 1 when one could not be, 2
     * for arguments it does not understand.
     *
     * @param arguments {@code instrument}, the options and the folders
     */
    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param arguments {@code instrument}, the options and the folders
     * @param out where the summary goes
     * @param err where warnings and errors go
     * @return the exit status
     */
    static int run(String[] arguments, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("tinyio: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        List<Path> classpath = new ArrayList<>(options.classpath());
        try {
            for (Path folder : options.folders()) {
                classpath.add(0, folder);
                Path kept = folder.toAbsolutePath().normalize().resolveSibling("tinyio").resolve(folder.getFileName());
                try (ClasspathSource source = new ClasspathSource(classpath)) {
                    FolderInstrumenter.Outcome outcome = new FolderInstrumenter(folder, kept, source,
                            new ClassFileFilter(options.includes(), options.excludes()), err::println)
                            .run(options.failOnError());
                    outcome.failures().forEach(err::println);
                    out.println("tinyio: " + outcome.summary());
                    out.println("tinyio: instrumented " + outcome.instrumented() + " of " + outcome.checked()
                            + " class files in " + folder);
                }
                Optional<String> unreadable = RuntimeReadCheck.problem(folder, classpath);
                if (unreadable.isPresent()) {
                    err.println(unreadable.get());
                    return FAILED;
                }
            }
            return 0;
        } catch (IncompatibleContractException e) {
            // Leaving classes as compiled does not help here: the message says what does.
            err.println(e.getMessage());
            return FAILED;
        } catch (InstrumentationException e) {
            err.println(e.getMessage() + " (pass --no-fail-on-error to leave such classes as compiled, or exclude "
                    + "them)");
            return FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("tinyio could not instrument the classes: " + e);
            return FAILED;
        }
    }

    /**
     * What the command was asked to do.
     *
     * @param folders the class folders, in order
     * @param classpath what they are compiled against
     * @param includes patterns of class files to instrument
     * @param excludes patterns of class files to leave alone
     * @param failOnError whether a class that cannot be instrumented fails the run
     */
    record Options(List<Path> folders, List<Path> classpath, List<String> includes, List<String> excludes,
            boolean failOnError) {
        static Options parse(String[] arguments) {
            if (arguments.length == 0 || !arguments[0].equals("instrument")) {
                throw new IllegalArgumentException(arguments.length == 0 ? "no command given"
                        : "unknown command '" + arguments[0] + "'");
            }
            List<Path> folders = new ArrayList<>();
            List<Path> classpath = new ArrayList<>();
            List<String> includes = new ArrayList<>();
            List<String> excludes = new ArrayList<>();
            boolean failOnError = true;
            for (int i = 1; i < arguments.length; i++) {
                String argument = arguments[i];
                switch (argument) {
                    case "--classpath", "-cp" -> {
                        for (String element : valueAfter(arguments, i++).split(File.pathSeparator)) {
                            if (!element.isBlank()) {
                                classpath.add(Path.of(element));
                            }
                        }
                    }
                    case "--include" -> includes.add(valueAfter(arguments, i++));
                    case "--exclude" -> excludes.add(valueAfter(arguments, i++));
                    case "--no-fail-on-error" -> failOnError = false;
                    default -> {
                        if (argument.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + argument + "'");
                        }
                        Path folder = Path.of(argument);
                        if (!Files.isDirectory(folder)) {
                            throw new IllegalArgumentException("'" + argument + "' is not a folder of classes");
                        }
                        folders.add(folder);
                    }
                }
            }
            if (folders.isEmpty()) {
                throw new IllegalArgumentException("no folder of classes given");
            }
            return new Options(folders, classpath, includes, excludes, failOnError);
        }

        private static String valueAfter(String[] arguments, int option) {
            if (option + 1 >= arguments.length) {
                throw new IllegalArgumentException("the option " + arguments[option] + " needs a value");
            }
            return arguments[option + 1];
        }
    }
}
