package samples.folder;

import dev.tinyio.Coro;

/** A helper that suspends through its own {@code Coro.yield}: once instrumented, its bytes no longer show it. */
public final class Feed {
    private Feed() {
    }

    static String fetch(String name) {
        Coro.yield();
        return name.toUpperCase(java.util.Locale.ROOT);
    }
}
