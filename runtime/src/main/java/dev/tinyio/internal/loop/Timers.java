package dev.tinyio.internal.loop;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A run's wake-ups: waits with a deadline on the run's clock, soonest first, and waits fired by other threads,
 * handed over to the loop's thread, which alone counts their waiters down; and how much work outside the loop's
 * thread may still hand one over.
 */
final class Timers {
    /** Below this many waits on the heap, ended ones are left to their deadlines. */
    private static final int MIN_PURGE_SIZE = 64;

    /** Waits with a deadline, soonest first: pending ones, and ended ones not yet purged or expired. */
    private final PriorityQueue<Wait> heap = new PriorityQueue<>();
    /** Waits fired by other threads. */
    private final ConcurrentLinkedQueue<Wait> handedOver = new ConcurrentLinkedQueue<>();
    /**
     * Whether waits may have been handed over since the loop last drained them: set by a thread after it hands one
     * over, cleared by the loop before it drains them, so that a hand-over a drain misses sets it again after the
     * clearing. Every step, and every decision to park, reads this one field rather than the queue's linked nodes.
     */
    private volatile boolean mayHaveHandedOver;
    /** The loop's thread, to unpark when a wait is handed over. */
    private final Thread thread;
    /** What deadlines are read on, and how the run waits for the next. */
    private final LoopClock clock;
    /**
     * How many pieces of work outside the loop's thread that the run knows of (threads, stages) may still hand a
     * wake-up over; touched only on the loop's thread.
     */
    private int outstanding;
    /** How many waits were ever armed, for first-in first-out ties between equal deadlines. */
    private int sequence;
    /** How many waits the heap may hold before the next {@link #purge}. */
    private int purgeAt = MIN_PURGE_SIZE;

    Timers(Thread thread, LoopClock clock) {
        this.thread = thread;
        this.clock = clock;
    }

    LoopClock clock() {
        return clock;
    }

    /** Puts a wait with a timeout on the heap, its deadline counted from now. */
    void arm(Wait wait) {
        if (heap.size() >= purgeAt) {
            purge();
        }
        wait.deadline = clock.nanoTime() + wait.timeoutNanos();
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
        mayHaveHandedOver = true;
        LockSupport.unpark(thread);
    }

    /** Counts down the waiters of waits handed over by other threads, then of expired timeouts, in that order. */
    void collect(Consumer<Waiter> countDown) {
        if (mayHaveHandedOver) {
            mayHaveHandedOver = false;
            Wait woken;
            while ((woken = handedOver.poll()) != null) {
                countDown.accept(woken);
            }
        }
        if (heap.isEmpty()) {
            // No clock read on the common path: a step with no timers pending costs no nanoTime call.
            return;
        }
        long now = clock.nanoTime();
        Wait soonest;
        while ((soonest = heap.peek()) != null && soonest.deadline - now <= 0) {
            heap.poll();
            if (soonest.fireFromTimeout()) {
                countDown.accept(soonest);
            }
        }
    }

    /**
     * When something can wake the run, as a deadline on its clock; on the loop's thread.
     *
     * @return now if wake-ups are handed over, the nearest pending timeout, or {@link Long#MAX_VALUE}
     */
    long deadline() {
        return hasHandedOver() ? clock.nanoTime() : pendingDeadline();
    }

    /**
     * {@link #deadline()} as another thread may read it, for a dump: it changes nothing, so it may name a wait that
     * has already ended.
     *
     * @return a deadline on the run's clock, or {@link Long#MAX_VALUE}
     */
    long deadlineSnapshot() {
        if (hasHandedOver()) {
            return clock.nanoTime();
        }
        Wait soonest = heap.peek();
        return soonest == null ? Long.MAX_VALUE : soonest.deadline;
    }

    /** Whether other threads have handed over wake-ups the loop has not collected yet. */
    boolean hasHandedOver() {
        return mayHaveHandedOver;
    }

    /**
     * The nearest deadline of a wait still pending. Waits that ended otherwise are dropped from the top of the
     * heap on the way: their deadlines wake nothing, and a virtual clock must not jump to them.
     *
     * @return the deadline, or {@link Long#MAX_VALUE} if no wait with a deadline is pending
     */
    long pendingDeadline() {
        Wait soonest;
        while ((soonest = heap.peek()) != null && soonest.isFinished()) {
            heap.poll();
        }
        return soonest == null ? Long.MAX_VALUE : soonest.deadline;
    }

    /** Work outside the loop's thread that will hand a wake-up over began; see {@link #outstanding}. */
    void workStarted() {
        outstanding++;
    }

    /** Work counted in by {@link #workStarted} ended, or no longer matters. */
    void workEnded() {
        outstanding--;
    }

    /**
     * How many pieces of work outside the loop's thread that the run knows of may still hand a wake-up over.
     *
     * @return the count
     */
    int outstanding() {
        return outstanding;
    }

    /**
     * Waits until the nearest deadline or until another thread hands a wake-up over, as the clock does that: the
     * real one parks, without spinning; a virtual one may jump to the deadline instead.
     *
     * @param blocker what the thread waits for, as thread dumps show it
     * @return true if the thread was interrupted
     */
    boolean park(Object blocker) {
        if (!hasHandedOver()) {
            clock.await(pendingDeadline(), outstanding, blocker);
        }
        return Thread.interrupted();
    }

    /**
     * Why the run, blocked, could never make progress on its clock.
     *
     * @return the error, or {@code null} if something can still wake it
     */
    RuntimeException stalled() {
        return hasHandedOver() || outstanding > 0 ? null : clock.stalled(pendingDeadline());
    }
}
