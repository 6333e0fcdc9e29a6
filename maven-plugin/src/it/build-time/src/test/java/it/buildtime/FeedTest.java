package it.buildtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {
    /** Suspends only through the main classes' Feed, whose yields the build rewrote: found through the index. */
    static String fetchBoth(List<String> log, String first, String second) {
        return Feed.fetch(log, first) + Feed.fetch(log, second);
    }

    @Test
    void the_tests_run_without_the_agent() {
        assertFalse(ManagementFactory.getRuntimeMXBean().getInputArguments().toString().contains("-javaagent"));
    }

    @Test
    void helpers_in_test_and_main_classes_suspend_and_interleave() {
        List<String> log = new ArrayList<>();
        List<String> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> fetchBoth(log, "a", "b")), Coro.of(() -> Feed.fetch(log, "c"))))));
        assertEquals(List.of("AB", "C"), results);
        assertEquals(List.of("a start", "c start", "a end", "b start", "c end", "b end"), log);
    }
}
