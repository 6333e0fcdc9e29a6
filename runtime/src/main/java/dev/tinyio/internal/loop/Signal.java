package dev.tinyio.internal.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A flag that waits can wait for: setting it fires every wait registered while it was down, from any thread;
 * clearing it makes later waits wait for the next set. The machinery of {@code dev.tinyio.Event}, and of every
 * runtime coroutine that waits for something another thread or coroutine does.
 */
public final class Signal implements Wait.Source {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Signal.class, "state", Object.class);
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

    /** A signal whose flag is down. */
    public Signal() {
    }

    /** Raises the flag and fires every wait registered on it. Safe to call from any thread. */
    public void set() {
        if (state == SET) {
            return;
        }
        Object woken = STATE.getAndSet(this, SET);
        if (woken instanceof Wait one) {
            one.fireFromSource();
        } else if (woken instanceof Waits several) {
            for (Wait wait : several.close()) {
                wait.fireFromSource();
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
     * How many waits are registered on it.
     *
     * @return the number, a snapshot
     */
    public int waiting() {
        Object current = state;
        return current instanceof Wait ? 1 : current instanceof Waits several ? several.size() : 0;
    }

    @Override
    public boolean register(Wait wait) {
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
    @Override
    public void deregister(Wait wait) {
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
        return "Signal[" + (isSet() ? "set" : "clear") + ", " + waiting() + " waiting]";
    }

    /**
     * The waits of a signal that more than one coroutine waits for, in registration order. A set closes the list
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
