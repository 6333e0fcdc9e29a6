package samples;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;

/** Stackful helpers in the same class (static and instance), recursion, and lambdas inside lambdas. */
public final class Helpers {
    private final List<String> log = new ArrayList<>();
    private final String name;

    private Helpers(String name) {
        this.name = name;
    }

    /** A plain method that yields, called from a coroutine body: it suspends the body with it. */
    static int twice(int x) {
        Coro.yield();
        return 2 * x;
    }

    private long countDown(int depth) {
        if (depth == 0) {
            Coro.yield();
            return 0;
        }
        log.add(name + depth);
        long below = countDown(depth - 1);
        Coro.yield();
        return below + depth;
    }

    public static String run() {
        Helpers helpers = new Helpers("h");
        String out = new Loop().run(Coro.of(() -> {
            int a = twice(twice(5));
            long b = helpers.countDown(50);
            Coro<String> nested = Coro.of(() -> {
                Coro<Integer> inner = Coro.of(() -> twice(7));
                return "inner=" + Coro.yield(inner);
            });
            return a + " " + b + " " + Coro.yield(nested);
        }));
        return out + " " + helpers.log.size();
    }
}
