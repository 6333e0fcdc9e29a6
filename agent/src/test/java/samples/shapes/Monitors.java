package samples.shapes;

import static samples.shapes.Ticker.value;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;

/** Where monitors and constructors meet suspending code: only what really holds a monitor or builds is refused. */
public final class Monitors {
    private static final Object LOCK = new Object();

    private Monitors() {
    }

    static void failOn(int i) {
        if (i == 1) {
            throw new IllegalStateException("in lock");
        }
    }

    /**
     * Yields in a catch whose try holds a synchronized block, and after the try: the monitor was released when the
     * exception left the block, so neither yield holds it.
     */
    public static final class YieldInCatchAroundSynchronized {
        private YieldInCatchAroundSynchronized() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < 2; i++) {
                    log.append(i);
                    try {
                        synchronized (LOCK) {
                            failOn(i);
                        }
                    } catch (IllegalStateException e) {
                        out.append(Coro.yield(value("c")));
                    }
                    out.append(Coro.yield(value(i)));
                }
                return out.toString();
            }));
        }
    }

    static final class Built {
        Built() {
            Coro.yield();
        }
    }

    /** {@code new Built()} whose constructor yields: the caller is instrumented, the yield is a named error. */
    public static final class ConstructorThatYields {
        private ConstructorThatYields() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            return Ticker.run(log, Coro.of(() -> {
                log.append('a');
                Coro.yield();
                try {
                    return "built " + new Built();
                } catch (NotInstrumentedError e) {
                    return "refused: " + e.getMessage().contains("constructors");
                }
            }));
        }
    }

    static String helper() {
        Coro.yield();
        return "h";
    }

    static synchronized String lockedHelper(StringBuilder log) {
        String result = helper();
        log.append(" carried on with ").append(result);
        return result;
    }

    /** A synchronized method calls a helper that suspends: it must not carry on with the helper's dummy result. */
    public static final class SynchronizedMethodCallsSuspendingHelper {
        private SynchronizedMethodCallsSuspendingHelper() {
        }

        public static String run() {
            StringBuilder log = new StringBuilder();
            try {
                new Loop().run(Coro.of(() -> {
                    log.append('a');
                    return lockedHelper(log);
                }));
                return log + " no error";
            } catch (NotInstrumentedError e) {
                return log + " " + e.getMessage().contains("holding a monitor");
            }
        }
    }
}
