package dev.tinyio.internal;

import dev.tinyio.internal.vocabulary.UninstrumentedYield;

/**
 * Per-thread state of the coroutines a loop steps on this thread: whether one is being stepped, and (as an
 * {@link Unwinding}) the suspension it is unwinding, if any. A loop fetches the carrier once per run and then only
 * writes its fields, so stepping needs no thread-local lookup.
 */
public final class Carrier extends Unwinding {
    private static final ThreadLocal<Carrier> CURRENT = ThreadLocal.withInitial(Carrier::new);

    static {
        // A public Coro.yield reached from now on may be inside a coroutine: the frame store can say which frame
        // was not instrumented.
        UninstrumentedYield.explainWith(Carrier::explainYield);
    }

    /**
     * Whether a coroutine whose body is instrumented code is being stepped on this thread: false outside any
     * coroutine, where a yield cannot suspend. A flag rather than the fiber itself, so that a step stores no
     * reference into the carrier, which lives as long as its thread.
     */
    public boolean stepping;
    /**
     * The clock of the loop's run under way on this thread, or {@code null} outside any run: what its coroutines
     * read as now, and what a loop started inside them shares. Kept here, as an {@code Object} since only the core
     * loop names its type, so that a run sets it without a thread-local lookup.
     */
    public Object clock;

    private Carrier() {
    }

    /**
     * This thread's carrier.
     *
     * @return the carrier, created on first use
     */
    public static Carrier get() {
        return CURRENT.get();
    }

    /** Why a public {@code Coro.yield} was reached: outside any loop, or from a frame that was not instrumented. */
    private static Throwable explainYield(String what) {
        if (!get().stepping) {
            return UninstrumentedYield.outsideLoop(what);
        }
        return Blame.yieldCalledFrom(what, Fiber.class);
    }
}
