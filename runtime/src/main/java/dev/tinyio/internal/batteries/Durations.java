package dev.tinyio.internal.batteries;

import java.time.Duration;

/** Durations as the loop's timers take them. */
public final class Durations {
    private Durations() {
    }

    /**
     * A duration in nanoseconds for a deadline: never negative, and far-future rather than overflowing.
     *
     * @param duration the duration
     * @return its nanoseconds, at least zero
     */
    public static long nanosOf(Duration duration) {
        try {
            return Math.max(0, duration.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }
}
