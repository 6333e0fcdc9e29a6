package dev.tinyio.tests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until another thread is parked, as a loop is when it has nothing to step: a test that must act while a
 * loop is blocked waits for that state rather than sleeping and hoping the loop got there first.
 */
final class Parked {
    private Parked() {
    }

    /**
     * Returns once {@code thread} is parked in {@link LockSupport}, or fails after thirty seconds.
     *
     * @param thread the thread, typically one running {@code Loop.run}
     */
    static void await(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!isParked(thread)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("thread \"" + thread.getName() + "\" never parked; it is "
                        + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && LockSupport.getBlocker(thread) != null;
    }
}
