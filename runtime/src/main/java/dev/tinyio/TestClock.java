package dev.tinyio;

import dev.tinyio.internal.loop.LoopClock;
import dev.tinyio.internal.loop.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Virtual time for tests, after kotlinx-coroutines-test's {@code runTest} and trio's {@code MockClock}: a loop
 * given one with {@link Loop#clock} reads it for every sleep, every {@link Event#await(Duration)}, every
 * {@link Tinyio#timeout}, {@link Tinyio#now()} in its coroutines and its recording's timestamps, so that a test of
 * "retry three times with a 30 s back-off" takes no real time, and its steps come out the same on every run, as if
 * each took no time at all.
 *
 * <p>The clock starts at {@link #START} and moves only forward: by {@link #advance}, or, by default, by
 * <em>auto-advance</em>: whenever every coroutine of the loop waits and nothing the loop knows of can wake one but
 * a timer, time jumps to the nearest deadline at once. Deadlines that fall at the same instant fire in the order
 * they were armed. Threads stay real: while a {@link Tinyio#runInThread} or {@link ThreadPool} task runs, or a
 * {@link Tinyio#fromFuture} stage is waited for, auto-advance waits for it. An {@link Event#set} from a thread the
 * loop knows nothing of cannot be waited for, so time may jump past it: such a test turns auto-advance off and
 * advances by hand, or runs that thread's work through {@code runInThread}.
 *
 * <p>A clock drives one run at a time; loops started from inside it (an isolate's, a nested {@code Loop.run})
 * share it and advance with it. Thread-safe: the test may read and advance it from any thread.
 */
public final class TestClock {
    /** The instant a new clock starts at: 2000-01-01T00:00:00Z, the same for every clock and every run. */
    public static final Instant START = Instant.parse("2000-01-01T00:00:00Z");

    /** The time, and how a loop on it waits. */
    private final VirtualClock time = new VirtualClock(START);

    /** A clock at {@link #START}, with auto-advance on. */
    public TestClock() {
    }

    /**
     * Turns auto-advance on (the default) or off. Off, time moves only by {@link #advance}: for tests that step
     * the loop themselves ({@link Loop#start}, {@link Loop.Run#step}); a {@link Loop#run} left with nothing but
     * timers to wait for then fails with an {@link IllegalStateException} instead of hanging.
     *
     * @param on whether time jumps to the nearest deadline whenever nothing else can wake the loop
     * @return this clock
     */
    public TestClock autoAdvance(boolean on) {
        time.autoAdvance(on);
        return this;
    }

    /**
     * The time now.
     *
     * @return {@link #START} plus every advance so far
     */
    public Instant now() {
        return time.instant();
    }

    /**
     * Moves time forward. What falls due fires at the loop's next step, in deadline order; a loop waiting for
     * something else on another thread is woken to fire it.
     *
     * @param duration how far, zero or more
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws ArithmeticException if the clock would pass about 292 years from its start
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("TestClock.advance(" + duration + "): time only moves forward, so "
                    + "the duration must not be negative");
        }
        time.advance(duration.toNanos());
    }

    /** What {@link Loop#clock} hands to the loop's core. */
    LoopClock loopClock() {
        return time;
    }

    @Override
    public String toString() {
        return "TestClock[" + now() + (time.autoAdvances() ? ", auto-advance" : "") + "]";
    }
}
