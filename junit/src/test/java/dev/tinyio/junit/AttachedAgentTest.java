package dev.tinyio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.junit.fixtures.StartsSteps;
import dev.tinyio.junit.fixtures.Steps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This module's own tests run with no -javaagent: the listener attached the agent when JUnit started. */
class AttachedAgentTest {
    @Test
    void coroutines_suspend_through_helpers() {
        List<String> log = new ArrayList<>();
        List<Integer> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> {
                    log.add("a start");
                    int steps = Steps.step() + Steps.step();
                    log.add("a end");
                    return steps;
                }),
                Coro.of(() -> {
                    log.add("b start");
                    int steps = Coro.yield(StartsSteps.start());
                    log.add("b end");
                    return steps;
                })))));
        assertEquals(List.of(2, 1), results);
        assertEquals(List.of("a start", "b start", "a end", "b end"), log);
    }
}
