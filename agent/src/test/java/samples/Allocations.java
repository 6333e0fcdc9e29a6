package samples;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

/** Suspending calls among the arguments of new, plain and nested, with a branch inside the arguments. */
public final class Allocations {
    private Allocations() {
    }

    record Pair(int left, String right) {
    }

    record Box(Pair pair) {
    }

    static Coro<Integer> value(int x) {
        return Coro.of(() -> {
            Coro.yield();
            return x;
        });
    }

    public static String run() {
        StringBuilder trace = new StringBuilder();
        Coro<String> build = Coro.of(() -> {
            trace.append('a');
            Pair pair = new Pair(Coro.yield(value(1)), "r" + Coro.yield(value(2)));
            trace.append('c');
            Box box = new Box(new Pair(pair.left() > 0 ? Coro.yield(value(3)) : 0, String.valueOf(pair)));
            return box.toString();
        });
        Coro<String> other = Coro.of(() -> {
            trace.append('b');
            Coro.yield();
            return "other";
        });
        List<String> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(build, other))));
        return trace + " " + out;
    }
}
