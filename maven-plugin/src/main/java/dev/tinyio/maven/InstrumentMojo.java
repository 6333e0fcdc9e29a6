package dev.tinyio.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Instruments the main classes after compilation, so that the program runs without the agent, and writes the
 * index of their suspendable methods to {@code META-INF/tinyio/suspendable.idx} beside them.
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {
    /** Created by Maven. */
    public InstrumentMojo() {
    }

    @Override
    Path outputFolder() {
        return Path.of(project().getBuild().getOutputDirectory());
    }

    @Override
    List<String> classpath() throws DependencyResolutionRequiredException {
        return project().getCompileClasspathElements();
    }
}
