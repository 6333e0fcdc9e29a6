package it.compile;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<Integer> sums = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Coro.of(() -> Sums.slowSum(1, 2)), Coro.of(() -> Sums.slowSum(3, 4))))));
        System.out.println("tinyio-it: " + sums);
    }
}
