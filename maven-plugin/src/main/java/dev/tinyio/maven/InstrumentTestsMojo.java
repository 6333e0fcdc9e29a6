package dev.tinyio.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Instruments the test classes after their compilation, so that the tests run without the agent; their calls
 * into the main classes resolve through the index the {@code instrument} goal wrote.
 */
@Mojo(name = "instrument-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {
    /** Created by Maven. */
    public InstrumentTestsMojo() {
    }

    @Override
    Path outputFolder() {
        return Path.of(project().getBuild().getTestOutputDirectory());
    }

    @Override
    List<String> classpath() throws DependencyResolutionRequiredException {
        return project().getTestClasspathElements();
    }
}
