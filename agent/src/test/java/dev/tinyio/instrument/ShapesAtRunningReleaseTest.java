package dev.tinyio.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The shapes again, compiled from their sources with {@code --release} of the JVM running the tests: on Java 25
 * the instrumenter sees what javac 25 emits for release 25, not only the release-17 class files of the build.
 */
class ShapesAtRunningReleaseTest extends ShapesTest {
    private static final Path SOURCES = Path.of("src/test/java/samples");
    private static Path compiled;

    @Override
    InstrumentingLoader newLoader() {
        Path classes = compiledSamples();
        return new InstrumentingLoader(name -> {
            try {
                return Files.readAllBytes(classes.resolve(name.replace('.', '/') + ".class"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, classes);
    }

    private static synchronized Path compiledSamples() {
        if (compiled == null) {
            try {
                Path output = Files.createDirectories(Path.of("target", "samples-release-"
                        + Runtime.version().feature()));
                List<String> arguments = new ArrayList<>(List.of("--release",
                        Integer.toString(Runtime.version().feature()), "-g", "-parameters", "-d", output.toString(),
                        "-cp", System.getProperty("java.class.path")));
                try (Stream<Path> files = Files.walk(SOURCES)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
                }
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
                    throw new IllegalStateException("javac failed on the samples: " + arguments);
                }
                compiled = output;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return compiled;
    }
}
