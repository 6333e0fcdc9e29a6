package com.acme;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> greetings = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> Greeter.greet("ada")), Coro.of(() -> Greeter.greet("bob"))))));
        System.out.println("acme: " + greetings);
    }
}
