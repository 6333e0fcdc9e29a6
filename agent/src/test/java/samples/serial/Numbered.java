package samples.serial;

import dev.tinyio.Coro;
import java.io.Serializable;

/** Serializable, with a serialVersionUID of its own. */
public class Numbered implements Serializable {
    private static final long serialVersionUID = 7L;

    /** Suspends, so that the class is instrumented. */
    public int oneAfterYield() {
        Coro.yield();
        return 1;
    }
}
