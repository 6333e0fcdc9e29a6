package it.junit;

import dev.tinyio.Coro;
import java.util.List;
import java.util.Locale;

/** A fetch that gives way once in the middle: a plain method that suspends the coroutine calling it. */
public final class Feed {
    private Feed() {
    }

    public static String fetch(List<String> log, String name) {
        log.add(name + " start");
        Coro.yield();
        log.add(name + " end");
        return name.toUpperCase(Locale.ROOT);
    }
}
