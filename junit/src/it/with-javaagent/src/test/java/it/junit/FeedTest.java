package it.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import org.junit.jupiter.api.Test;

class FeedTest {
    static int step() {
        Coro.yield();
        return 1;
    }

    @Test
    void suspends_through_a_helper() {
        assertEquals(1, new Loop().run(Coro.of(FeedTest::step)));
        System.out.println("tinyio-it: the test ran");
    }
}
