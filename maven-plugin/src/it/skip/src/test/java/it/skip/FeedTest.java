package it.skip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import org.junit.jupiter.api.Test;

class FeedTest {
    @Test
    void fetches() {
        assertEquals("a", new Loop().run(Coro.of(() -> Feed.fetch("a"))));
    }
}
