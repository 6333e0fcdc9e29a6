package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void greetings_interleave() {
        List<String> log = new java.util.ArrayList<>();
        Coro<Void> ticker = Coro.ofVoid(() -> {
            for (int i = 0; i < 3; i++) {
                log.add("tick");
                Coro.yield();
            }
        });
        List<Object> both = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> {
                    String greeting = Greeter.greet("ada");
                    log.add(greeting);
                    return greeting;
                }), ticker))));
        assertEquals("hello ada", both.get(0));
        assertEquals(List.of("tick", "hello ada", "tick", "tick"), log);
    }
}
