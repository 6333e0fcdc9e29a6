package it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {
    /** Instrumented by the agent; Feed's yields were rewritten at build time, so the index says that it suspends. */
    static String fetchBoth(List<String> log, String first, String second) {
        return Feed.fetch(log, first) + Feed.fetch(log, second);
    }

    @Test
    void the_tests_run_under_the_agent() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().toString().contains("-javaagent"));
    }

    @Test
    void helpers_instrumented_by_the_agent_and_by_the_build_suspend_together() {
        List<String> log = new ArrayList<>();
        List<String> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> fetchBoth(log, "a", "b")), Coro.of(() -> Feed.fetch(log, "c"))))));
        assertEquals(List.of("AB", "C"), results);
        assertEquals(List.of("a start", "c start", "a end", "b start", "c end", "b end"), log);
    }
}
