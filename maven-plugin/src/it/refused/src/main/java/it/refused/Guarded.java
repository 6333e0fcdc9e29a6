package it.refused;

import dev.tinyio.Coro;
import java.lang.reflect.Method;

/** Calls that may suspend where a coroutine never can, or through reflection: the build warns about each. */
public final class Guarded {
    private static final Object LOCK = new Object();

    private Guarded() {
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
}
