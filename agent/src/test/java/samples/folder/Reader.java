package samples.folder;

import dev.tinyio.Coro;
import dev.tinyio.Loop;

/** Suspends only by calling another class's helper. */
public final class Reader {
    private Reader() {
    }

    static String both() {
        return Feed.fetch("a") + Feed.fetch("b");
    }

    /**
     * Runs {@link #both} as a coroutine.
     *
     * @return {@code "AB"}
     */
    public static String run() {
        return new Loop().run(Coro.of(Reader::both));
    }
}
