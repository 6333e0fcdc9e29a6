package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Debug mode's warning of a coroutine that was made and became garbage without ever being yielded, so that it never
 * ran (asyncio's "coroutine was never awaited"), with the place it was made. Once debug mode is first turned on,
 * every coroutine made from then on is watched: that costs a stack trace per coroutine, which is why it is debug
 * mode's.
 */
public final class NeverYielded {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");
    private static final Cleaner CLEANER = Cleaner.create();
    /** The watched coroutines not yet yielded; weak, so that it keeps none alive. */
    private static final Map<Coro<?>, Creation> UNYIELDED = Collections.synchronizedMap(new WeakHashMap<>());
    /** Whether coroutines are watched. */
    private static volatile boolean watching;

    private NeverYielded() {
    }

    /** Watches every coroutine made from now on: debug mode was turned on for a loop. */
    public static synchronized void watch() {
        if (!watching) {
            watching = true;
            CoroFields.onCreation(NeverYielded::made);
        }
    }

    /** A loop saw a coroutine: it was yielded, or run. */
    static void yielded(Coro<?> coro) {
        if (watching) {
            Creation creation = UNYIELDED.remove(coro);
            if (creation != null) {
                creation.yielded = true;
            }
        }
    }

    private static void made(Coro<?> coro) {
        Creation creation = new Creation(coro.toString(), new Throwable("The coroutine was made here"));
        UNYIELDED.put(coro, creation);
        CLEANER.register(coro, creation);
    }

    /** Where a coroutine was made, and whether it was yielded; it holds nothing of the coroutine itself. */
    private static final class Creation implements Runnable {
        private final String coro;
        private final Throwable madeAt;
        private volatile boolean yielded;

        Creation(String coro, Throwable madeAt) {
            this.coro = coro;
            this.madeAt = madeAt;
        }

        /** The coroutine became garbage. */
        @Override
        public void run() {
            if (!yielded) {
                LOG.log(Level.WARNING, "Coroutine " + coro + " was never yielded, so it never ran, and it is now "
                        + "garbage. A coroutine runs only when a loop runs it or a coroutine yields it: "
                        + "Coro.yield(coro), or Coro.yield(Set.of(coro)) to start it in the background. It was made "
                        + "at:", madeAt);
            }
        }
    }
}
