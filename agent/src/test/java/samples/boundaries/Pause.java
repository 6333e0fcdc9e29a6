package samples.boundaries;

import dev.tinyio.Coro;

/** The one place the boundary samples yield: once per call. */
public final class Pause {
    private Pause() {
    }

    static int pass(int x) {
        Coro.yield();
        return x;
    }
}
