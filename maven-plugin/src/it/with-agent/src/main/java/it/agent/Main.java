package it.agent;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> log = new ArrayList<>();
        List<String> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> Feed.fetch(log, "a")), Coro.of(() -> Feed.fetch(log, "b"))))));
        System.out.println("tinyio-it: " + results + " after " + log);
    }
}
