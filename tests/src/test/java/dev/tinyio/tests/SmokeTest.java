package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static Coro<Integer> slowAddOne(int x) {
        return Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofMillis(100)));
            return x + 1;
        });
    }

    @Test
    void readme_example() {
        List<Integer> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(slowAddOne(3), slowAddOne(4)))));
        assertEquals(List.of(4, 5), out);
    }
}
