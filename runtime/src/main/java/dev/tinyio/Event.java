package dev.tinyio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A flag that coroutines wait for. {@link #set} wakes every current waiter, from any thread, and wakes the loop at
 * once; {@link #clear} resets the flag for later waits (a wait already woken stays woken, since each
 * {@link #await()} is its own coroutine).
 */
public final class Event {
    /** Whether the flag is up; guarded by {@code this}. */
    private boolean set;
    /** Waits registered and not yet ended, in registration order; guarded by {@code this}. */
    private final ArrayList<Wait> waits = new ArrayList<>(2);

    /** An event whose flag is down. */
    public Event() {
    }

    /** Raises the flag and wakes every coroutine waiting for it. Safe to call from any thread. */
    public void set() {
        Object woken;
        synchronized (this) {
            if (set) {
                return;
            }
            set = true;
            // Most events have one waiter: hand it over without copying a list.
            woken = waits.isEmpty() ? null : waits.size() == 1 ? waits.get(0) : List.copyOf(waits);
            waits.clear();
        }
        if (woken instanceof Wait one) {
            one.fireFromEvent();
        } else if (woken != null) {
            for (Object wait : (List<?>) woken) {
                ((Wait) wait).fireFromEvent();
            }
        }
    }

    /** Lowers the flag: later waits wait for the next {@link #set}. Safe to call from any thread. */
    public synchronized void clear() {
        set = false;
    }

    /**
     * Whether the flag is up.
     *
     * @return true between a {@link #set} and the next {@link #clear}
     */
    public synchronized boolean isSet() {
        return set;
    }

    /**
     * A coroutine that waits until the flag is up: at once if it already is when the coroutine starts.
     *
     * @return the coroutine
     */
    public Coro<Void> await() {
        return new Coro<>(new WaitStepper(this, null, WaitStepper.EVENT_AWAIT));
    }

    /**
     * A coroutine that waits until the flag is up or the timeout passes, whichever is first; it does not say which.
     *
     * @param timeout how long to wait at most; zero or negative waits for the next turn of the loop's timers
     * @return the coroutine
     */
    public Coro<Void> await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new Coro<>(new WaitStepper(this, timeout, WaitStepper.EVENT_AWAIT));
    }

    /**
     * Registers a wait, on the loop's thread.
     *
     * @return true if the flag is already up, so the wait must fire now
     */
    synchronized boolean register(Wait wait) {
        if (set) {
            return true;
        }
        waits.add(wait);
        return false;
    }

    /** Withdraws a wait that timed out or was cancelled. */
    synchronized void deregister(Wait wait) {
        waits.remove(wait);
    }

    @Override
    public synchronized String toString() {
        return "Event[" + (set ? "set" : "clear") + ", " + waits.size() + " waiting]";
    }
}
