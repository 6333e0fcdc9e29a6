package samples;

import dev.tinyio.Coro;

/** Mentions the library but neither suspends nor makes a coroutine: left byte-for-byte alone. */
public final class MentionsOnly {
    private MentionsOnly() {
    }

    public static boolean finished(Coro<?> coro) {
        return coro.isDone();
    }
}
