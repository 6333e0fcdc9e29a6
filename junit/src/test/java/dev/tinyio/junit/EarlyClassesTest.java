package dev.tinyio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.junit.fixtures.Plain;
import dev.tinyio.junit.fixtures.StartsSteps;
import dev.tinyio.junit.fixtures.Steps;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyClassesTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void classes_of_the_program_that_the_agent_would_change_were_loaded_too_early() {
        // Judged by their class files as compiled, whatever the agent in this JVM made of the loaded classes.
        assertEquals(List.of(StartsSteps.class.getName(), Steps.class.getName()),
                EarlyClasses.among(List.of(Steps.class, Plain.class, StartsSteps.class), loader));
    }

    @Test
    void classes_the_agent_leaves_alone_were_not() {
        assertEquals(List.of(), EarlyClasses.among(List.of(Plain.class, EarlyClassesTest.class), loader));
    }

    @Test
    void classes_from_jars_and_the_jdk_are_not_the_program() {
        assertEquals(List.of(), EarlyClasses.among(
                List.of(String.class, int.class, Steps[].class, Test.class, dev.tinyio.Coro.class), loader));
    }
}
