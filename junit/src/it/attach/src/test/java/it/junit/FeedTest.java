package it.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {
    /** Suspends through two calls of the helper. */
    static String fetchBoth(List<String> log, String first, String second) {
        return Feed.fetch(log, first) + Feed.fetch(log, second);
    }

    @Test
    void coroutines_suspend_through_helpers() {
        List<String> log = new ArrayList<>();
        List<String> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> fetchBoth(log, "a", "b")), Coro.of(() -> Feed.fetch(log, "c"))))));
        assertEquals(List.of("AB", "C"), results);
        assertEquals(List.of("a start", "c start", "a end", "b start", "c end", "b end"), log);
        System.out.println("tinyio-it: " + results + " after " + log);
    }
}
