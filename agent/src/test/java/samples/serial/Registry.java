package samples.serial;

import dev.tinyio.Coro;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Serializable, with no serialVersionUID but a static initialiser of its own, which instrumenting keeps. */
public class Registry implements Serializable {
    static final List<String> NAMES = new ArrayList<>();

    /** Suspends, so that the class is instrumented. */
    public int sizeAfterYield() {
        Coro.yield();
        return NAMES.size();
    }
}
