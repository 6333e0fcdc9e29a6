package dev.tinyio.internal.loop;

/**
 * What the core keeps of one loop across its runs: the loop enclosing it, who observes its runs, and the clock
 * they read if it has one of its own. Every
 * coroutine a loop starts points at it as its owner, so that a later run of the same loop can give the result of
 * a coroutine it finished, and a nested loop can tell a coroutine of the loop outside it.
 */
public final class LoopCore {
    /** The loop whose isolate steps this one, or {@code null}: its coroutines are not this loop's to yield. */
    private final LoopCore enclosing;
    /** Told of every step of this loop's runs, or {@code null}. */
    private volatile LoopObserver observer;
    /** The clock its runs read, or {@code null} for that of the run they start inside, or else the real one. */
    private volatile LoopClock clock;

    /**
     * The core of a loop.
     *
     * @param enclosing the loop that steps this one from an isolate, or {@code null} for a loop of its own
     */
    public LoopCore(LoopCore enclosing) {
        this.enclosing = enclosing;
    }

    /**
     * Whether this is the nested loop of an isolate of another loop, directly or through other isolates.
     *
     * @param other a loop
     * @return true if {@code other} encloses this loop
     */
    public boolean isInside(LoopCore other) {
        for (LoopCore outer = enclosing; outer != null; outer = outer.enclosing) {
            if (outer == other) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who observes this loop's runs from now on.
     *
     * @param observer the observer, or {@code null} for none
     */
    public void observe(LoopObserver observer) {
        this.observer = observer;
    }

    /**
     * The clock this loop's runs read from now on.
     *
     * @param clock the clock, or {@code null} for none of its own
     */
    public void clock(LoopClock clock) {
        this.clock = clock;
    }

    /**
     * The clock this loop's runs read, if it has one of its own.
     *
     * @return the clock, or {@code null}: its runs read that of the run they start inside, or else the real one
     */
    public LoopClock clock() {
        return clock;
    }

    /**
     * Who observes this loop's runs.
     *
     * @return the observer, or {@code null}
     */
    public LoopObserver observer() {
        return observer;
    }
}
