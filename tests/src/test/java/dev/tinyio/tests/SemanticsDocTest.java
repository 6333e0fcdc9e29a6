package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md names, for each rule, the tests that hold it down, as {@code `TestClass.test_method`}: every one
 * must be a test method in the repository's test sources, and every section must name some.
 */
class SemanticsDocTest {
    /** A test named in the page: a class whose name ends in Test, a dot, and a method name in snake case. */
    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)\\.([a-z][a-z0-9_]*)`");
    /** Fewer than this, and the pattern above has probably stopped matching the page's references. */
    private static final int AT_LEAST = 150;
    /** A line of annotations that makes a method a test. */
    private static final Pattern TEST_ANNOTATION = Pattern.compile("(?m)^\\s*@(Test|ParameterizedTest)\\b");

    private static Path repository() {
        String path = System.getProperty("tinyio.repository");
        assertNotNull(path, "tests/pom.xml sets tinyio.repository");
        return Path.of(path);
    }

    private static String page() throws IOException {
        return Files.readString(repository().resolve("docs").resolve("semantics.md"));
    }

    /** The test sources of every module, by class name. */
    private static Map<String, String> testSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(repository())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String path = file.toString().replace('\\', '/');
                if (path.contains("/src/test/java/") && !path.contains("/target/") && path.endsWith("Test.java")) {
                    String name = file.getFileName().toString();
                    sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(file));
                }
            }
        }
        return sources;
    }

    @Test
    void every_test_the_page_names_is_a_test_method() throws IOException {
        Map<String, String> sources = testSources();
        Set<String> references = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(page());
        while (matcher.find()) {
            if (references.add(matcher.group(1) + "." + matcher.group(2))
                    && !isTestMethod(sources.get(matcher.group(1)), matcher.group(2))) {
                missing.add(matcher.group(1) + "." + matcher.group(2));
            }
        }
        assertTrue(references.size() >= AT_LEAST, "only " + references.size() + " tests named: " + references);
        assertEquals(List.of(), missing, "named in docs/semantics.md, but no such test");
    }

    /**
     * Whether the source declares the method and annotates it as a test: between the end of the member before it
     * (a line closing a member of the class) and the declaration.
     */
    private static boolean isTestMethod(String source, String method) {
        if (source == null) {
            return false;
        }
        Matcher declaration = Pattern.compile("\\svoid\\s+" + method + "\\s*\\(").matcher(source);
        if (!declaration.find()) {
            return false;
        }
        int previousMember = Math.max(0, source.lastIndexOf("\n    }\n", declaration.start()));
        return TEST_ANNOTATION.matcher(source.substring(previousMember, declaration.start())).find();
    }

    @Test
    void every_section_names_the_tests_that_hold_it_down() throws IOException {
        String[] sections = page().split("\n## ");
        assertTrue(sections.length >= 8, sections.length + " sections");
        for (int i = 1; i < sections.length; i++) {
            String title = sections[i].substring(0, sections[i].indexOf('\n'));
            assertTrue(REFERENCE.matcher(sections[i]).find(), "section \"" + title + "\" names no test");
        }
    }

    @Test
    void the_check_finds_a_test_method_and_rejects_what_is_not_one() throws IOException {
        Map<String, String> sources = testSources();
        assertTrue(isTestMethod(sources.get("CycleTest"),
                "in_always_mode_the_group_leaves_out_the_chain_that_starts_at_the_last_stepped_coroutine"));
        assertTrue(isTestMethod(sources.get("IsolateCancellationTest"),
                "an_isolate_cancelled_from_outside_throws_what_its_nested_run_would"));
        assertTrue(isTestMethod(sources.get("ShapesTest"), "lambdas_inside_lambdas"), "another module's test");
        assertTrue(!isTestMethod(sources.get("CycleTest"), "no_such_test"));
        assertTrue(!isTestMethod(sources.get("RandomProgramsTest"), "check"), "a helper is not a test");
        assertTrue(!isTestMethod(sources.get("NoSuchTest"), "lambdas_inside_lambdas"));
    }
}
