package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** Java sources a test writes out, compiled for Java 17 as a user's build would compile them. */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * Writes the sources under a folder and compiles them, failing the test if javac does.
     *
     * @param sources the folder the sources are written under
     * @param output where the classes go
     * @param pathOption {@code -cp} or {@code --module-path}
     * @param path what that option names, in order
     * @param files each source by its path below {@code sources}
     * @throws IOException if a source cannot be written
     */
    public static void compile(Path sources, Path output, String pathOption, List<Path> path,
            Map<String, String> files) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", output.toString(), pathOption,
                String.join(java.io.File.pathSeparator, path.stream().map(Path::toString).toList())));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path source = sources.resolve(file.getKey());
            Files.createDirectories(source.getParent());
            Files.writeString(source, file.getValue());
            arguments.add(source.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(new String[0])),
                "javac failed");
    }
}
