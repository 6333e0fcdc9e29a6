package samples.serial;

import dev.tinyio.Coro;

/** Not serializable, as far as its superclass's class file says. */
public class Tally extends Base {
    /** Suspends, so that the class is instrumented. */
    public int oneAfterYield() {
        Coro.yield();
        return 1;
    }
}
