package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.Carrier;
import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debug mode's warning of a coroutine that was made and became garbage without ever being yielded, so that it never
 * ran (asyncio's "coroutine was never awaited"), with the place it was made. Watched are the coroutines made inside
 * the steps of a loop in debug mode, or, with {@code -Dtinyio.debug=true}, every coroutine made once a loop exists.
 * Each costs a stack trace when it is made, which is why it is debug mode's.
 */
final class NeverYielded {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");
    private static final Cleaner CLEANER = Cleaner.create();
    /** The watched coroutines not yet yielded; weak, so that it keeps none alive. */
    private static final Map<Coro<?>, Creation> UNYIELDED = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * How many watched coroutines are neither yielded nor garbage yet: while none are, a loop seeing a coroutine
     * reads this and takes no lock.
     */
    private static final AtomicInteger WATCHED = new AtomicInteger();
    /** Whether every coroutine is watched: {@code -Dtinyio.debug=true}. */
    private static final boolean EVERYWHERE = LoopCore.DEBUG_BY_DEFAULT;
    /** How many runs in debug mode are under way; while there are some, coroutines made are looked at. */
    private static int debugRuns;

    static {
        if (EVERYWHERE) {
            CoroFields.onCreation(NeverYielded::made);
        }
    }

    private NeverYielded() {
    }

    /** A run in debug mode starts: the coroutines made in its steps are watched. */
    static synchronized void runStarted() {
        if (debugRuns++ == 0 && !EVERYWHERE) {
            CoroFields.onCreation(NeverYielded::made);
        }
    }

    /** A run in debug mode ended. */
    static synchronized void runEnded() {
        if (--debugRuns == 0 && !EVERYWHERE) {
            CoroFields.onCreation(null);
        }
    }

    /**
     * A loop saw a coroutine: it was yielded, or run. The count is read plainly: the coroutine's creation, which
     * counted it if it was watched, happens before the loop sees it, since the coroutine was handed to the loop
     * after it was made. A volatile read here, once per coroutine a loop starts, cost a gather of 10,000
     * coroutines 3 ns per coroutine: C2 may not keep anything loaded across it, and a gather's loop over its
     * members is tight.
     */
    static void yielded(Coro<?> coro) {
        if (WATCHED.getPlain() != 0) {
            Creation creation = UNYIELDED.remove(coro);
            if (creation != null) {
                creation.settle();
            }
        }
    }

    private static void made(Coro<?> coro) {
        Carrier carrier = Carrier.get();
        if (EVERYWHERE || carrier.stepping && carrier.debugging) {
            Creation creation = new Creation(coro.toString(), new Throwable("The coroutine was made here"));
            WATCHED.incrementAndGet();
            UNYIELDED.put(coro, creation);
            CLEANER.register(coro, creation);
        }
    }

    /** Where a coroutine was made, and whether it was yielded; it holds nothing of the coroutine itself. */
    private static final class Creation implements Runnable {
        private final String coro;
        private final Throwable madeAt;
        /** Set once it was yielded or became garbage, whichever came first. */
        private final AtomicBoolean settled = new AtomicBoolean();

        Creation(String coro, Throwable madeAt) {
            this.coro = coro;
            this.madeAt = madeAt;
        }

        /**
         * The coroutine was yielded, or became garbage: no longer watched.
         *
         * @return true if this settled it, false if it was settled already
         */
        boolean settle() {
            if (settled.compareAndSet(false, true)) {
                WATCHED.decrementAndGet();
                return true;
            }
            return false;
        }

        /** The coroutine became garbage. */
        @Override
        public void run() {
            if (settle()) {
                LOG.log(Level.WARNING, "Coroutine " + coro + " was never yielded, so it never ran, and it is now "
                        + "garbage. A coroutine runs only when a loop runs it or a coroutine yields it: "
                        + "Coro.yield(coro), or Coro.yield(Set.of(coro)) to start it in the background. It was made "
                        + "at:", madeAt);
            }
        }
    }
}
