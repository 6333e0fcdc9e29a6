package samples.warnings;

import dev.tinyio.Coro;
import java.lang.reflect.Method;

/** Calls that may suspend where a coroutine never can, and one the instrumenter cannot follow: each is warned about. */
public final class Warned {
    private static final Object LOCK = new Object();

    private final int parts;

    Warned() { // constructor
        this.parts = pause();
    }

    static int pause() {
        Coro.yield();
        return 1;
    }

    static synchronized int lockedMethod() {
        return pause(); // synchronized method
    }

    static int lockedBlock() {
        synchronized (LOCK) {
            return pause(); // synchronized block
        }
    }

    static int reflective(Method method) throws ReflectiveOperationException {
        pause();
        return (int) method.invoke(null); // reflection
    }

    int parts() {
        return parts;
    }
}
