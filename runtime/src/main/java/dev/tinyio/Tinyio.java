package dev.tinyio;

import java.time.Duration;
import java.util.Objects;

/** The batteries of tinyio: time, and (as they land) threads, isolation and interop. */
public final class Tinyio {
    private Tinyio() {
    }

    /**
     * A coroutine that waits for a delay without blocking the loop or using a thread.
     *
     * @param delay how long to wait; zero or negative waits for the next turn of the loop's timers
     * @return the coroutine
     */
    public static Coro<Void> sleep(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new Coro<>(new WaitStepper(new Wait(saturatedNanos(delay))));
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return Math.max(0, delay.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }
}
