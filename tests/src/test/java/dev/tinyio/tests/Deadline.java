package dev.tinyio.tests;

import java.util.concurrent.locks.LockSupport;

/** Waits on the clock for a deadline the test computed, as the loop itself waits for its timers. */
final class Deadline {
    private Deadline() {
    }

    /**
     * Returns once {@link System#nanoTime()} has reached {@code deadline}: every timer due by then is due.
     *
     * @param deadline a {@link System#nanoTime()} value
     */
    static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
