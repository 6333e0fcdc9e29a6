package dev.tinyio;

import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Undeliverable;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.ArrayDeque;

/**
 * Limits how many coroutines hold one of its permits at once. Permits are handed over first-in first-out: a
 * released permit goes straight to the longest-waiting acquirer, which therefore always gets it once woken.
 */
public final class Semaphore {
    /** Permits not held and not promised to a waiter; guarded by {@code this}. */
    private int available;
    /** Acquirers waiting for a permit, longest-waiting first; guarded by {@code this}. */
    private final ArrayDeque<Acquirer> waiting = new ArrayDeque<>();

    /**
     * A semaphore.
     *
     * @param permits how many coroutines may hold a permit at once
     * @throws IllegalArgumentException if {@code permits} is not positive
     */
    public Semaphore(int permits) {
        if (permits <= 0) {
            throw new IllegalArgumentException("A Semaphore needs a positive number of permits, not " + permits);
        }
        this.available = permits;
    }

    /**
     * A coroutine that waits for a permit and returns it. Yielding the same coroutine again returns the same
     * permit, which can be closed only once.
     *
     * @return the coroutine
     */
    public Coro<Permit> acquire() {
        return CoroFields.of(new Acquirer());
    }

    /** Takes a free permit, or queues the acquirer. */
    private synchronized boolean takeOrQueue(Acquirer acquirer) {
        if (available > 0) {
            available--;
            return true;
        }
        waiting.add(acquirer);
        return false;
    }

    /** A permit was released: it goes to the longest-waiting acquirer, or back to the pool. */
    private void release() {
        Acquirer next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                available++;
                return;
            }
        }
        next.granted.set();
    }

    /**
     * A queued acquirer was cancelled: it leaves the queue, or, if a release already took it off the queue to
     * hand it a permit, that permit moves on. The queue, under the lock, decides which: the release's event may
     * not be set yet when the release runs on another thread.
     */
    private void withdraw(Acquirer acquirer) {
        boolean handedAPermit;
        synchronized (this) {
            handedAPermit = !waiting.remove(acquirer);
        }
        if (handedAPermit) {
            release();
        }
    }

    @Override
    public synchronized String toString() {
        return "Semaphore[" + available + " available, " + waiting.size() + " waiting]";
    }

    /** The body of {@link #acquire()}: takes a permit at once or waits to be handed one. */
    private final class Acquirer implements Stepper {
        /** Set when a released permit is handed to this acquirer. */
        final Signal granted = new Signal();
        private final Wait wait = new Wait(granted, Wait.NO_TIMEOUT);
        private boolean queued;

        @Override
        public Step.Outcome step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                if (queued) {
                    wait.cancel();
                    withdraw(this);
                }
                return out.threw(thrown);
            }
            if (!queued && !takeOrQueue(this)) {
                queued = true;
                return out.yielded(Step.Request.WAIT, wait);
            }
            return out.returned(new SemaphorePermit());
        }

        @Override
        public String toString() {
            return "acquire(" + Semaphore.this + ")";
        }
    }

    /**
     * One permit, released once. Handed to a coroutine that is cancelled or timed out while queued to resume, it
     * never arrives: it is then released, so that it is not held by no one for ever.
     */
    private final class SemaphorePermit implements Permit, Undeliverable {
        private boolean closed;

        @Override
        public void close() {
            synchronized (Semaphore.this) {
                if (closed) {
                    throw new IllegalStateException("This permit was already released. Each Coro.yield("
                            + "semaphore.acquire()) gives one permit: use a new acquire() coroutine each time.");
                }
                closed = true;
            }
            release();
        }

        /**
         * Releases a permit that never reached its coroutine; once only, even if it was listed twice or the same
         * {@code acquire()} coroutine was yielded elsewhere too and that consumer released it.
         */
        @Override
        public void undelivered() {
            synchronized (Semaphore.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release();
        }
    }
}
