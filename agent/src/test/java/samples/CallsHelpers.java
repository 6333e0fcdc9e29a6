package samples;

import dev.tinyio.Coro;

/** Calls into another class's helper, which suspends only through its own {@code Coro.yield}. */
public final class CallsHelpers {
    private CallsHelpers() {
    }

    static int quadruple(int x) {
        return Helpers.twice(Helpers.twice(x));
    }

    static Coro<Integer> quadrupled(int x) {
        return Coro.of(() -> quadruple(x));
    }
}
