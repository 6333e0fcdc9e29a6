package dev.tinyio.internal.loop;

import java.util.concurrent.TimeUnit;

/**
 * What the core keeps of one loop across its runs: the loop enclosing it, who observes its runs, and the clock
 * they read if it has one of its own. Every
 * coroutine a loop starts points at it as its owner, so that a later run of the same loop can give the result of
 * a coroutine it finished, and a nested loop can tell a coroutine of the loop outside it.
 */
public final class LoopCore {
    /** Debug mode for every loop that is not told otherwise: {@code -Dtinyio.debug=true}. */
    static final boolean DEBUG_BY_DEFAULT = Boolean.getBoolean("tinyio.debug");
    /** How long a step may run before debug mode warns: {@code -Dtinyio.debug.slowStepMillis}, 100 by default. */
    private static final long SLOW_STEP_BY_DEFAULT =
            TimeUnit.MILLISECONDS.toNanos(Long.getLong("tinyio.debug.slowStepMillis", 100));

    /** The loop whose isolate steps this one, or {@code null}: its coroutines are not this loop's to yield. */
    private final LoopCore enclosing;
    /** Told of every step of this loop's runs; {@link LoopObserver#NONE} when no one is. */
    private volatile LoopObserver observer = LoopObserver.NONE;
    /** The clock its runs read, or {@code null} for that of the run they start inside, or else the real one. */
    private volatile LoopClock clock;
    /** Whether its runs are in debug mode. */
    private volatile boolean debug;
    /** How long a step may run before debug mode warns, in nanoseconds. */
    private volatile long slowStepNanos;

    /**
     * The core of a loop, in debug mode if the loop enclosing it is, or if {@code -Dtinyio.debug=true}.
     *
     * @param enclosing the loop that steps this one from an isolate, or {@code null} for a loop of its own
     */
    public LoopCore(LoopCore enclosing) {
        this.enclosing = enclosing;
        this.slowStepNanos = enclosing == null ? SLOW_STEP_BY_DEFAULT : enclosing.slowStepNanos;
        debug(enclosing == null ? DEBUG_BY_DEFAULT : enclosing.debug);
    }

    /**
     * Turns debug mode on or off for the loop's runs from the next one on.
     *
     * @param on whether to debug
     */
    public void debug(boolean on) {
        debug = on;
    }

    /**
     * Whether the loop's runs are in debug mode.
     *
     * @return true in debug mode
     */
    public boolean debug() {
        return debug;
    }

    /**
     * How long a step may run before debug mode warns that it blocks the loop.
     *
     * @param nanos the threshold, in nanoseconds
     */
    public void slowStepNanos(long nanos) {
        slowStepNanos = nanos;
    }

    /** How long a step may run before debug mode warns. */
    long slowStepNanos() {
        return slowStepNanos;
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
        this.observer = observer == null ? LoopObserver.NONE : observer;
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
     * @return the observer, {@link LoopObserver#NONE} if no one observes them
     */
    public LoopObserver observer() {
        return observer;
    }
}
