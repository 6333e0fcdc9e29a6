package dev.tinyio.internal.loop;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Time that moves only when told to, or, with auto-advance, when a blocked run has nothing left to wait for but
 * its timers: then it jumps to the nearest deadline at once. The machinery of {@code dev.tinyio.TestClock}.
 *
 * <p>It drives one run at a time, with the runs started inside its steps (an isolate's, a nested
 * {@code Loop.run}), which share it and run on its thread. While a run waits for work outside the loop's thread
 * that the run knows of (a thread it started, a stage it waits for), auto-advance
 * waits for that work as for a wake-up from another thread. Thread-safe: any thread may read or advance it.
 */
public final class VirtualClock extends LoopClock {
    /** The instant at nanosecond zero. */
    private final Instant origin;
    /** Now, in nanoseconds since {@link #origin}; written under the lock, so that it only grows. */
    private volatile long nanos;
    /** Whether a blocked run with nothing but timers left jumps to the nearest deadline. */
    private volatile boolean autoAdvance = true;
    /** How many runs are under way on it: one, and those nested in its steps. Guarded by {@code this}. */
    private int runs;
    /** The thread its runs run on, woken when time moves, or {@code null} while none runs. */
    private volatile Thread thread;

    /**
     * A clock at its start.
     *
     * @param origin the instant at its start
     */
    public VirtualClock(Instant origin) {
        this.origin = origin;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos);
    }

    @Override
    public long onTimeline(long nanoTime, long realOrigin) {
        return nanoTime;
    }

    /**
     * Moves time forward. What falls due fires at the run's next step, in deadline order, ties in the order they
     * were armed; a run waiting on another thread is woken to collect it.
     *
     * @param by nanoseconds, not negative
     * @throws ArithmeticException if the clock would pass {@link Long#MAX_VALUE} nanoseconds from its start
     */
    public void advance(long by) {
        synchronized (this) {
            nanos = Math.addExact(nanos, by);
        }
        wakeRun();
    }

    /**
     * Turns auto-advance on or off; a run waiting on another thread looks again.
     *
     * @param on whether a blocked run with nothing but timers left jumps to the nearest deadline
     */
    public void autoAdvance(boolean on) {
        autoAdvance = on;
        wakeRun();
    }

    /**
     * Whether auto-advance is on.
     *
     * @return true if a blocked run with nothing but timers left jumps to the nearest deadline
     */
    public boolean autoAdvances() {
        return autoAdvance;
    }

    /** Jumps to a deadline, unless time has already passed it. */
    private synchronized void advanceTo(long deadline) {
        if (deadline - nanos > 0) {
            nanos = deadline;
        }
    }

    private void wakeRun() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    @Override
    synchronized void attach(boolean nested) {
        if (runs > 0 && !nested) {
            throw new IllegalStateException("This TestClock already drives a run, started on thread \""
                    + thread.getName() + "\". A TestClock drives one run at a time, and the loops started from "
                    + "inside it (an isolate's, a nested Loop.run), which share it. Give each independent run a "
                    + "TestClock of its own, or let the other run finish (close a Loop.Run you no longer step).");
        }
        if (runs++ == 0) {
            thread = Thread.currentThread();
        }
    }

    @Override
    synchronized void detach() {
        if (--runs == 0) {
            thread = null;
        }
    }

    /**
     * With auto-advance on and no wake-up to come but a timer's, jumps to the nearest deadline without parking;
     * otherwise parks until a wake-up is handed over or time moves. A wake-up or an advance just before parking is
     * not lost: its unpark makes the park return at once.
     */
    @Override
    void await(long deadline, int outstanding, Object blocker) {
        if (deadline != Long.MAX_VALUE && deadline - nanos <= 0) {
            // Time moved past it since the run collected its timers: it is due now.
            return;
        }
        if (autoAdvance && outstanding == 0 && deadline != Long.MAX_VALUE) {
            advanceTo(deadline);
        } else {
            LockSupport.park(blocker);
        }
    }

    /** A timer is pending, none is due, and time does not move by itself. */
    @Override
    RuntimeException stalled(long deadline) {
        if (autoAdvance || deadline == Long.MAX_VALUE || deadline - nanos <= 0) {
            return null;
        }
        return new IllegalStateException("The loop has nothing left to wait for but timers, and its TestClock does "
                + "not advance by itself (autoAdvance(false)), so it would wait for ever. Advance the clock with "
                + "TestClock.advance between steps of a Loop.Run (loop.start(coro)), or leave auto-advance on.");
    }

    @Override
    public String toString() {
        return "a virtual clock at " + instant();
    }
}
