package unaware;

import dev.tinyio.Coro;

/** Suspends, and so is instrumented. */
public final class Doubler {
    private Doubler() {
    }

    /**
     * Doubles a string after one yield.
     *
     * @param s the string
     * @return it twice
     */
    public static String twice(String s) {
        Coro.yield();
        return s + s;
    }
}
