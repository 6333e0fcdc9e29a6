package dev.tinyio.internal.loop;

import dev.tinyio.internal.Carrier;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The time a run's timers read, and how a blocked run waits for the next of them. Every run reads {@link #REAL},
 * {@link System#nanoTime()}, unless its loop was given a {@link VirtualClock}, or it started inside a step of a
 * run that reads one. The core's two clocks are the only ones; the real one is a constant, so that a loop that
 * never meets a virtual clock pays nothing for the choice.
 */
public abstract class LoopClock {
    /** {@link System#nanoTime()}: the clock of every loop that has no other. */
    public static final LoopClock REAL = new Real();

    LoopClock() {
    }

    /**
     * The clock of the run under way on this thread: its coroutines read it, and a loop started from inside them
     * shares it.
     *
     * @return the clock, or {@link #REAL} outside any run
     */
    public static LoopClock current() {
        Object clock = Carrier.get().clock;
        return clock == null ? REAL : (LoopClock) clock;
    }

    /**
     * Now, on this clock's scale: deadlines are this plus a timeout, and compare by difference.
     *
     * @return nanoseconds
     */
    public abstract long nanoTime();

    /**
     * Now, as an instant.
     *
     * @return {@link Instant#now()}, or the virtual time
     */
    public abstract Instant instant();

    /**
     * A reading of this clock on a timeline, such as a recording's.
     *
     * @param nanoTime a reading of {@link #nanoTime()}
     * @param realOrigin the timeline's zero as a {@link System#nanoTime()} reading, for the real clock
     * @return nanoseconds: for the real clock, since {@code realOrigin}; for a virtual one, since its start, so that
     *     a program recorded twice gives the same timeline
     */
    public abstract long onTimeline(long nanoTime, long realOrigin);

    /**
     * A run begins on this clock, on the calling thread.
     *
     * @param nested whether it begins inside a step of a run on this clock, on this thread
     * @throws IllegalStateException if the clock cannot drive two runs at once and this one is not nested
     */
    abstract void attach(boolean nested);

    /** A run that began on this clock ended. */
    abstract void detach();

    /**
     * Waits, on the loop's thread, until a blocked run with no wake-up handed over may make progress: until a
     * wake-up is handed over (whose unpark, if it came just before, makes this return at once), until the nearest
     * deadline, or, for a virtual clock, until time moves.
     *
     * @param deadline the nearest pending deadline, or {@link Long#MAX_VALUE}
     * @param outstanding how much work outside the loop's thread that the run knows of may still wake it
     * @param blocker what the thread waits for, as thread dumps show it
     */
    abstract void await(long deadline, int outstanding, Object blocker);

    /**
     * Why a blocked run, which nothing but its timers can wake, could never make progress on this clock.
     *
     * @param deadline the nearest pending deadline, or {@link Long#MAX_VALUE}
     * @return the error to fail the run with, or {@code null} if time will reach the deadline
     */
    abstract RuntimeException stalled(long deadline);

    /** {@link System#nanoTime()}, and parking until the nearest deadline. */
    private static final class Real extends LoopClock {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public long onTimeline(long nanoTime, long realOrigin) {
            return nanoTime - realOrigin;
        }

        @Override
        void attach(boolean nested) {
            // Any number of runs, on any threads.
        }

        @Override
        void detach() {
        }

        /** Parks without spinning, until the deadline or an unpark. */
        @Override
        void await(long deadline, int outstanding, Object blocker) {
            if (deadline == Long.MAX_VALUE) {
                LockSupport.park(blocker);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining > 0) {
                    LockSupport.parkNanos(blocker, remaining);
                }
            }
        }

        @Override
        RuntimeException stalled(long deadline) {
            return null;
        }

        @Override
        public String toString() {
            return "the real clock";
        }
    }
}
