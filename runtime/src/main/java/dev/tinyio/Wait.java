package dev.tinyio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop's internal wait, made by the one step of a waiting coroutine ({@link Event#await}, {@link Tinyio#sleep}
 * and the runtime's own coroutines; see {@link WaitStepper}): the coroutine's waiter, counted down once, when its event is set or its
 * deadline passes, whichever is first. Ordered by deadline, then by registration, on the timer heap.
 */
class Wait extends Waiter implements Comparable<Wait> {
    private static final VarHandle FINISHED;

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(Wait.class, "finished", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link #timeoutNanos} of a wait that only its event ends. */
    static final long NO_TIMEOUT = -1;

    /** The event waited for, or {@code null} for a pure sleep. */
    final Event event;
    /** How long to wait, in nanoseconds from registration, or {@link #NO_TIMEOUT}. */
    final long timeoutNanos;
    /** The {@link System#nanoTime()} at which it times out; set on registration. */
    long deadline;
    /**
     * Registration order, to break ties between equal deadlines first-in first-out; compared by difference, so it
     * may wrap around.
     */
    int sequence;
    /** The run that registered it, which alone may count its waiter down. */
    Scheduler scheduler;
    /** 1 once it has fired or been cancelled: a wait counts down at most once, whoever gets there first. */
    private volatile int finished;

    Wait(Event event, long timeoutNanos) {
        super(null, 1);
        this.event = event;
        this.timeoutNanos = timeoutNanos;
    }

    /** Its event was set, on any thread. */
    void fireFromEvent() {
        if (finish()) {
            scheduler.wake(this);
        }
    }

    /**
     * Its deadline passed; called on the loop's thread.
     *
     * @return true if this ended the wait, so its waiter must be counted down
     */
    boolean fireFromTimeout() {
        if (!finish()) {
            return false;
        }
        if (event != null) {
            event.deregister(this);
        }
        return true;
    }

    /** Its coroutine was cancelled while waiting: the wait ends without counting down, and leaves its event. */
    void cancel() {
        if (finish() && event != null) {
            event.deregister(this);
        }
    }

    /** Whether its event, its deadline or a cancellation has ended it. */
    boolean isFinished() {
        return finished != 0;
    }

    /** Claims the wait's one count-down; false if an event, a timeout or a cancellation already had it. */
    private boolean finish() {
        return FINISHED.compareAndSet(this, 0, 1);
    }

    @Override
    public int compareTo(Wait other) {
        int byDeadline = Long.compare(deadline - other.deadline, 0);
        return byDeadline != 0 ? byDeadline : Integer.compare(sequence - other.sequence, 0);
    }
}
