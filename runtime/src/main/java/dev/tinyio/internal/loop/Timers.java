package dev.tinyio.internal.loop;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A run's wake-ups: waits with a deadline, soonest first, and waits fired by other threads, handed over to the
 * loop's thread, which alone counts their waiters down.
 */
final class Timers {
    /** Below this many waits on the heap, ended ones are left to their deadlines. */
    private static final int MIN_PURGE_SIZE = 64;

    /** Waits with a deadline, soonest first: pending ones, and ended ones not yet purged or expired. */
    private final PriorityQueue<Wait> heap = new PriorityQueue<>();
    /** Waits fired by other threads. */
    private final ConcurrentLinkedQueue<Wait> handedOver = new ConcurrentLinkedQueue<>();
    /** The loop's thread, to unpark when a wait is handed over. */
    private final Thread thread;
    /** How many waits were ever armed, for first-in first-out ties between equal deadlines. */
    private int sequence;
    /** How many waits the heap may hold before the next {@link #purge}. */
    private int purgeAt = MIN_PURGE_SIZE;

    Timers(Thread thread) {
        this.thread = thread;
    }

    /** Puts a wait with a timeout on the heap, its deadline counted from now. */
    void arm(Wait wait) {
        if (heap.size() >= purgeAt) {
            purge();
        }
        wait.deadline = System.nanoTime() + wait.timeoutNanos();
        wait.sequence = sequence++;
        heap.add(wait);
    }

    /**
     * Drops the waits that ended otherwise than by their deadline (set, or cancelled): they stay on the heap until
     * it would have passed, which for a loop awaiting an event again and again with a long timeout is many waits
     * and their coroutines. Done each time the heap has doubled since the last time, so it costs constant time per
     * wait armed, and the heap holds at most twice the waits still pending, plus a few.
     */
    private void purge() {
        heap.removeIf(Wait::isFinished);
        purgeAt = Math.max(MIN_PURGE_SIZE, heap.size() * 2);
    }

    /** Another thread fired a wait: it is handed to the loop, which is woken. */
    void handOver(Wait wait) {
        handedOver.add(wait);
        LockSupport.unpark(thread);
    }

    /** Counts down the waiters of waits handed over by other threads, then of expired timeouts, in that order. */
    void collect(Consumer<Waiter> countDown) {
        Wait woken;
        while ((woken = handedOver.poll()) != null) {
            countDown.accept(woken);
        }
        if (heap.isEmpty()) {
            // No clock read on the common path: a step with no timers pending costs no nanoTime call.
            return;
        }
        long now = System.nanoTime();
        Wait soonest;
        while ((soonest = heap.peek()) != null && soonest.deadline - now <= 0) {
            heap.poll();
            if (soonest.fireFromTimeout()) {
                countDown.accept(soonest);
            }
        }
    }

    /**
     * When something can wake the run, as a {@link System#nanoTime()} deadline.
     *
     * @return now if wake-ups are handed over, the nearest timeout, or {@link Long#MAX_VALUE}
     */
    long deadline() {
        if (!handedOver.isEmpty()) {
            return System.nanoTime();
        }
        Wait soonest = heap.peek();
        return soonest == null ? Long.MAX_VALUE : soonest.deadline;
    }

    /**
     * Parks the loop's thread, without spinning, until the nearest deadline or until another thread hands a
     * wake-up over. One handed over just before parking is not lost: its unpark makes the park return at once.
     *
     * @param blocker what the thread waits for, as thread dumps show it
     * @return true if the thread was interrupted
     */
    boolean park(Object blocker) {
        if (handedOver.isEmpty()) {
            Wait soonest = heap.peek();
            if (soonest == null) {
                LockSupport.park(blocker);
            } else {
                long remaining = soonest.deadline - System.nanoTime();
                if (remaining > 0) {
                    LockSupport.parkNanos(blocker, remaining);
                }
            }
        }
        return Thread.interrupted();
    }
}
