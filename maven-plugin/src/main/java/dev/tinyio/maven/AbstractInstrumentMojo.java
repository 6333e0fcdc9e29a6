package dev.tinyio.maven;

import dev.tinyio.instrument.IncompatibleContractException;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.build.ClassFileFilter;
import dev.tinyio.instrument.build.ClasspathSource;
import dev.tinyio.instrument.build.FolderInstrumenter;
import dev.tinyio.instrument.build.RuntimeReadCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What both goals share: their parameters, and instrumenting one output folder against the project's classpath. */
abstract class AbstractInstrumentMojo extends AbstractMojo {
    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Leaves the classes as the compiler wrote them: then only the agent can run code that suspends. */
    @Parameter(property = "tinyio.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Ant-style patterns of the class files to instrument, relative to the output folder, such as
     * {@code com/acme/**}; all class files when none is given.
     */
    @Parameter
    private List<String> includes;

    /**
     * Ant-style patterns of class files to leave as they are, such as {@code **}{@code /Legacy*.class}. Suspending
     * through one of them throws {@code NotInstrumentedError}.
     */
    @Parameter
    private List<String> excludes;

    /**
     * Whether a class that cannot be instrumented fails the build. When false, the failure is a warning and the
     * class is left as it was.
     */
    @Parameter(property = "tinyio.failOnError", defaultValue = "true")
    private boolean failOnError;

    /**
     * The project being built.
     *
     * @return the project
     */
    MavenProject project() {
        return project;
    }

    /**
     * The folder whose classes this goal instruments.
     *
     * @return the output folder
     */
    abstract Path outputFolder();

    /**
     * Where the classes this goal instruments are kept as the compiler wrote them, to be instrumented again when
     * what suspends changes: a folder of its own under the build directory.
     *
     * @return the folder
     */
    Path compiledForm() {
        return Path.of(project.getBuild().getDirectory(), "tinyio", outputFolder().getFileName().toString());
    }

    /**
     * The classpath the classes are compiled against, their own folder first.
     *
     * @return folders and jars
     * @throws DependencyResolutionRequiredException if Maven has not resolved the dependencies
     */
    abstract List<String> classpath() throws DependencyResolutionRequiredException;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path folder = outputFolder();
        if (skip) {
            getLog().info("tinyio: skipped; the classes in " + folder + " are not instrumented");
            return;
        }
        if (!Files.isDirectory(folder)) {
            getLog().debug("tinyio: no classes in " + folder);
            return;
        }
        try {
            List<Path> classpath = classpath().stream().map(Path::of).toList();
            try (ClasspathSource source = new ClasspathSource(classpath)) {
                FolderInstrumenter.Outcome outcome = new FolderInstrumenter(folder, compiledForm(), source,
                        new ClassFileFilter(includes, excludes), getLog()::warn).run(failOnError);
                outcome.failures().forEach(getLog()::warn);
                getLog().info("tinyio: " + outcome.summary());
                getLog().info("tinyio: instrumented " + outcome.instrumented() + " of " + outcome.checked()
                        + " class files in " + folder);
            }
            // A named module runs its instrumented classes only if it reads the runtime: stop here, not at run time.
            Optional<String> unreadable = RuntimeReadCheck.problem(folder, classpath);
            if (unreadable.isPresent()) {
                throw new MojoFailureException(unreadable.get());
            }
        } catch (IncompatibleContractException e) {
            // Leaving classes uninstrumented does not help here: the message says what does.
            throw new MojoFailureException(e.getMessage(), e);
        } catch (InstrumentationException e) {
            throw new MojoFailureException(e.getMessage() + " (set failOnError to false to leave such classes "
                    + "uninstrumented, or exclude them)", e);
        } catch (IOException | UncheckedIOException | DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("tinyio could not instrument the classes in " + folder + ": " + e, e);
        }
    }
}
