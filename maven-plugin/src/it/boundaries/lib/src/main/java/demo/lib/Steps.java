package demo.lib;

import dev.tinyio.Coro;

/** The one place in the library that suspends on its own. */
public final class Steps {
    private Steps() {
    }

    /** Gives way once, then returns {@code x + 1}: computed after the suspension, so a skipped resume shows. */
    public static int step(int x) {
        Coro.yield();
        return x + 1;
    }
}
