package samples;

import dev.tinyio.Coro;

/** Mentions the library but never suspends: left byte-for-byte alone. */
public final class NotSuspending {
    private NotSuspending() {
    }

    public static Coro<Integer> make() {
        return Coro.of(() -> 42);
    }
}
