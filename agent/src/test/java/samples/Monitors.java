package samples;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;

/** Suspending inside a synchronized block, directly and through a helper: a named error, never a held lock. */
public final class Monitors {
    private static final Object LOCK = new Object();

    private Monitors() {
    }

    static int helper() {
        Coro.yield();
        return 1;
    }

    private static String attempt(Coro.Body<Integer> body) {
        try {
            new Loop().run(Coro.of(body));
            return "no error";
        } catch (NotInstrumentedError e) {
            return e.getMessage().contains("inside a synchronized block") + " " + Thread.holdsLock(LOCK);
        }
    }

    public static String run() {
        String direct = attempt(() -> {
            synchronized (LOCK) {
                Coro.yield();
            }
            return 1;
        });
        String viaHelper = attempt(() -> {
            synchronized (LOCK) {
                return helper();
            }
        });
        String outside = attempt(() -> {
            synchronized (LOCK) {
                LOCK.hashCode();
            }
            return helper();
        });
        return direct + "; " + viaHelper + "; " + outside;
    }
}
