package demo.lib;

import dev.tinyio.Coro;

/** One step of work: gives way to the other coroutines. */
public final class Steps {
    private Steps() {
    }

    public static int step(int value) {
        Coro.yield();
        return value;
    }
}
