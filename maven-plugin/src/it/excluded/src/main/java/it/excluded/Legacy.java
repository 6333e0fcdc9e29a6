package it.excluded;

import dev.tinyio.Coro;

/** Excluded from instrumentation in the pom. */
public final class Legacy {
    private Legacy() {
    }

    public static int step() {
        Coro.yield();
        return 1;
    }
}
