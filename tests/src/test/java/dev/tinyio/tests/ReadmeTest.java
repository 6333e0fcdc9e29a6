package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's snippets: copied into a user's build, they ask for the version this build makes; its example of
 * virtual time is a test that runs.
 */
class ReadmeTest {
    private static final String VERSION = System.getProperty("tinyio.version");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<artifactId>(tinyio-[a-z-]+)</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern JAR = Pattern.compile("tinyio-agent-([^/\\s]+)-all\\.jar");
    private static final Pattern COORDINATES = Pattern.compile("\"dev\\.tinyio:tinyio-[a-z-]+:([^:\"]+)");

    /** The section on virtual time shows code that {@code TestClockTest} holds as it is shown, and runs. */
    @Test
    void the_virtual_time_example_is_a_test_that_runs() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Virtual time in tests");
        assertTrue(start >= 0, "the README has no section on virtual time");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        String test = Files.readString(Path.of("src/test/java/dev/tinyio/tests/TestClockTest.java"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String indented = block.group(1).replaceAll("(?m)^(?=.)", "    ");
            assertTrue(test.contains(indented), () -> "TestClockTest does not hold, as it is:\n" + indented);
        }
        assertEquals(2, blocks);
    }

    @Test
    void every_snippet_names_the_version_of_the_pom() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> versions = new ArrayList<>();
        for (Pattern pattern : List.of(DEPENDENCY, JAR, COORDINATES)) {
            Matcher matcher = pattern.matcher(readme);
            while (matcher.find()) {
                String version = matcher.group(matcher.groupCount());
                if (!version.equals("<version>")) {
                    versions.add(matcher.group());
                    assertEquals(VERSION, version, matcher.group());
                }
            }
        }
        assertTrue(versions.size() >= 8, () -> "too few snippets found to check: " + versions);
    }
}
