package dev.tinyio.tests.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The model's clock, timers and events, in whole minutes, as docs/semantics.md "Virtual time" and "Batteries" say:
 * a timer is armed with a deadline of now plus its minutes, and fires at the first step on or after it, ties in the
 * order they were armed; an event fires every wait registered on it when set, in registration order.
 */
final class VirtualTime {
    /** One coroutine's wait for a deadline, an event, or the recording of a timeout's coroutine. */
    static final class Wait {
        /** The coroutine that waits. */
        final int coro;
        /** The event it waits for, or -1. */
        final int event;
        /** When it times out, once armed. */
        long deadline;
        /** The order it was armed in. */
        int sequence;
        boolean armed;
        /** Whether its deadline, its event or a cancellation has ended it: it ends once. */
        boolean finished;

        Wait(int coro, int event) {
            this.coro = coro;
            this.event = event;
        }
    }

    /** Now, in minutes since the start. */
    long now;
    /** How many timers were ever armed. */
    private int sequence;
    /** The armed waits, pending or not. */
    private final List<Wait> armed = new ArrayList<>();
    /** Whether each event is set. */
    private final boolean[] set = new boolean[Program.EVENTS];
    /** The waits registered on each event, in registration order. */
    private final List<List<Wait>> registered = new ArrayList<>();

    VirtualTime() {
        for (int e = 0; e < Program.EVENTS; e++) {
            registered.add(new ArrayList<>());
        }
    }

    /** Arms a wait's timer for now plus its minutes. */
    void arm(Wait wait, int minutes) {
        wait.deadline = now + minutes;
        wait.sequence = sequence++;
        wait.armed = true;
        armed.add(wait);
    }

    /** Registers a wait on its event; true if the event is already set, so that the wait fires at once. */
    boolean register(Wait wait) {
        if (set[wait.event]) {
            return true;
        }
        registered.get(wait.event).add(wait);
        return false;
    }

    /** Sets an event: the waits registered on it, in order, to fire; none if it was already set. */
    List<Wait> set(int event) {
        if (set[event]) {
            return List.of();
        }
        set[event] = true;
        List<Wait> woken = new ArrayList<>(registered.get(event));
        registered.get(event).clear();
        return woken;
    }

    void clear(int event) {
        set[event] = false;
    }

    /** Ends a wait, if it had not ended: it leaves its event. True if this ended it. */
    boolean finish(Wait wait) {
        if (wait.finished) {
            return false;
        }
        wait.finished = true;
        if (wait.event >= 0) {
            registered.get(wait.event).remove(wait);
        }
        return true;
    }

    /** The pending timers that are due now, soonest first, ties in arming order; they are not yet finished. */
    List<Wait> due() {
        List<Wait> due = new ArrayList<>();
        for (Wait wait : armed) {
            if (!wait.finished && wait.deadline <= now) {
                due.add(wait);
            }
        }
        due.sort(Comparator.<Wait>comparingLong(w -> w.deadline).thenComparingInt(w -> w.sequence));
        armed.removeAll(due);
        return due;
    }

    /** The nearest deadline of a pending timer, or -1 if none is pending. */
    long nearest() {
        long nearest = -1;
        for (Wait wait : armed) {
            if (!wait.finished && (nearest < 0 || wait.deadline < nearest)) {
                nearest = wait.deadline;
            }
        }
        return nearest;
    }
}
