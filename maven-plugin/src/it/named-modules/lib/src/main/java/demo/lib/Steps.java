package demo.lib;

import dev.tinyio.Coro;
import java.util.ArrayList;
import java.util.List;

/** One step of work: notes its name and gives way to the other coroutines. */
public final class Steps {
    private static final List<String> LOG = new ArrayList<>();

    private Steps() {
    }

    public static int step(String name, int value) {
        LOG.add(name);
        Coro.yield();
        return value;
    }

    public static List<String> log() {
        return LOG;
    }
}
