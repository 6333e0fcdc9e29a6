package dev.tinyio.tests;

import static dev.tinyio.tests.JavaPrograms.AGENT_JAR;
import static dev.tinyio.tests.JavaPrograms.JAVA;
import static dev.tinyio.tests.JavaPrograms.run;
import static dev.tinyio.tests.JavaPrograms.runtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.internal.Contract;
import dev.tinyio.tests.JavaPrograms.Result;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent meeting a class that a build instrumented for another version of the contract between instrumented code
 * and the runtime: it cannot instrument it again, so it loads it as it is and says so, word for word, with both
 * versions and the fix.
 */
class AgentContractVersionTest {
    private static final String MAIN = """
            package demo;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("ran " + Stale.name());
                }
            }
            """;

    @TempDir
    Path work;

    /** A class marked as a build of another version marks it; it names the library, so the agent looks at it. */
    private static String stale(String marker) {
        return """
                package demo;

                %s
                public final class Stale {
                    public static String name() {
                        return dev.tinyio.Coro.class.getSimpleName();
                    }
                }
                """.formatted(marker);
    }

    @Test
    void a_class_instrumented_for_another_version_loads_as_it_is_with_a_warning_naming_both_versions_and_the_fix()
            throws Exception {
        int other = Contract.VERSION + 1;
        Result result = runWith(stale("@dev.tinyio.internal.Instrumented(value = {}, contract = " + other + ")"));
        assertEquals(0, result.status(), result.output());
        assertTrue(result.lines().contains("WARNING: tinyio: demo.Stale was instrumented for version " + other
                + " of the contract between instrumented code and tinyio's runtime, but this agent implements version "
                + Contract.VERSION + ". It loads as it is, and a runtime of version " + Contract.VERSION + " refuses "
                + "it at its first use. Build its module again with tinyio-maven-plugin " + agentVersion()
                + " (mvn clean verify)."), result.output());
        assertTrue(result.lines().contains("ran Coro"), result.output());
    }

    @Test
    void a_class_instrumented_before_versions_were_recorded_is_of_version_0_and_named_the_same_way()
            throws Exception {
        Result result = runWith(stale("@dev.tinyio.internal.Instrumented({})"));
        assertEquals(0, result.status(), result.output());
        assertTrue(result.lines().contains("WARNING: tinyio: demo.Stale was instrumented for version 0 of the "
                + "contract between instrumented code and tinyio's runtime, but this agent implements version "
                + Contract.VERSION + ". It loads as it is, and since it records no version the runtime cannot "
                + "refuse it: it may fail later, on a member the runtime no longer has. Build its module again with "
                + "tinyio-maven-plugin " + agentVersion() + " (mvn clean verify)."), result.output());
    }

    @Test
    void a_class_instrumented_for_this_version_loads_without_a_word() throws Exception {
        Result result = runWith(stale("@dev.tinyio.internal.Instrumented(value = {}, contract = " + Contract.VERSION
                + ")"));
        assertEquals(List.of("ran Coro"), result.lines(), result.output());
    }

    private Result runWith(String stale) throws Exception {
        Path classes = work.resolve("classes");
        JavaPrograms.compile(Map.of("demo/Main.java", MAIN, "demo/Stale.java", stale), work.resolve("src"), classes,
                "--release", "17", "-cp", runtime().toString());
        return run(List.of(JAVA, "-Duser.language=en", "-Duser.country=US", "-javaagent:" + AGENT_JAR, "-cp",
                classes + File.pathSeparator + runtime(), "demo.Main"));
    }

    /** The agent's version, as its jar's manifest gives it. */
    private static String agentVersion() throws Exception {
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
    }
}
