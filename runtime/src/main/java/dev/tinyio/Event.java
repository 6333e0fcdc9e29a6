package dev.tinyio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Event.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link #state} while the flag is up; no wait is registered then. */
    private static final Object SET = new Object();

    /**
     * The flag and the waits registered while it is down, changed by compare-and-set: {@link #SET}; {@code null}
     * (down, nobody waiting); one {@link Wait} (down, the common case of one waiter, which then costs no lock); or
     * a {@link Waits} once a second wait registers.
     */
    private volatile Object state;

    /** An event whose flag is down. */
    public Event() {
    }

    /** Raises the flag and wakes every coroutine waiting for it. Safe to call from any thread. */
    public void set() {
        if (state == SET) {
            return;
        }
        Object woken = STATE.getAndSet(this, SET);
        if (woken instanceof Wait one) {
            one.fireFromEvent();
        } else if (woken instanceof Waits several) {
            for (Wait wait : several.close()) {
                wait.fireFromEvent();
            }
        }
    }

    /** Lowers the flag: later waits wait for the next {@link #set}. Safe to call from any thread. */
    public void clear() {
        if (state == SET) {
            STATE.compareAndSet(this, SET, (Object) null);
        }
    }

    /**
     * Whether the flag is up.
     *
     * @return true between a {@link #set} and the next {@link #clear}
     */
    public boolean isSet() {
        return state == SET;
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
    boolean register(Wait wait) {
        while (true) {
            Object current = state;
            if (current == SET) {
                return true;
            }
            if (current instanceof Waits several) {
                if (several.add(wait)) {
                    return false;
                }
                // Closed by a set that took its waits: the state has moved on.
            } else {
                Object next = current == null ? wait : new Waits((Wait) current, wait);
                if (STATE.compareAndSet(this, current, next)) {
                    return false;
                }
            }
        }
    }

    /** Withdraws a wait that timed out or was cancelled; a wait a set already took is left to that set. */
    void deregister(Wait wait) {
        Object current = state;
        if (current == wait) {
            // Failing means a set took it, or a second wait joined: then it is in the list, or gone with it.
            if (STATE.compareAndSet(this, (Object) wait, (Object) null)) {
                return;
            }
            current = state;
        }
        if (current instanceof Waits several) {
            several.remove(wait);
        }
    }

    @Override
    public String toString() {
        Object current = state;
        int waiting = current instanceof Wait ? 1 : current instanceof Waits several ? several.size() : 0;
        return "Event[" + (current == SET ? "set" : "clear") + ", " + waiting + " waiting]";
    }

    /**
     * The waits of an event that more than one coroutine waits for, in registration order. A set closes the list
     * as it takes the waits, so that a wait racing to join a list the set has already emptied sees the new state
     * instead of being lost.
     */
    private static final class Waits {
        /** Guarded by {@code this}. */
        private final List<Wait> waits = new ArrayList<>(4);
        /** Whether a set has taken the waits; guarded by {@code this}. */
        private boolean closed;

        Waits(Wait first, Wait second) {
            waits.add(first);
            waits.add(second);
        }

        /** Adds a wait, unless a set has already taken the waits. */
        synchronized boolean add(Wait wait) {
            if (closed) {
                return false;
            }
            waits.add(wait);
            return true;
        }

        synchronized void remove(Wait wait) {
            waits.remove(wait);
        }

        synchronized int size() {
            return waits.size();
        }

        /** Takes every wait, for a set; later adds fail. */
        synchronized List<Wait> close() {
            closed = true;
            List<Wait> taken = List.copyOf(waits);
            waits.clear();
            return taken;
        }
    }
}
