package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop's wait, made by the one step of a waiting coroutine (a sleep, an event's await, the runtime's own
 * coroutines): the coroutine's waiter, counted down once, when its source fires or its deadline passes, whichever
 * is first. Ordered by deadline, then by registration, on the timer heap.
 */
public class Wait extends Waiter implements Comparable<Wait> {
    /** What a wait may wait for besides its deadline: a {@link Signal}. */
    public interface Source {
        /**
         * Registers a wait, on the loop's thread.
         *
         * @param wait the wait
         * @return true if the source has already fired, so the wait must fire now
         */
        boolean register(Wait wait);

        /**
         * Withdraws a wait that timed out or was cancelled.
         *
         * @param wait the wait
         */
        void deregister(Wait wait);
    }

    /** The run a wait belongs to, told when the wait fires. */
    interface Waker {
        /**
         * A wait of this run fired, on any thread.
         *
         * @param wait the wait
         */
        void wake(Wait wait);

        /**
         * Whether the calling thread is the run's own.
         *
         * @return true on the loop's thread
         */
        boolean onLoopThread();
    }

    /** {@link #timeoutNanos} of a wait that only its source ends. */
    public static final long NO_TIMEOUT = -1;

    private static final VarHandle FINISHED;

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(Wait.class, "finished", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What it waits for, or {@code null} for a pure sleep. */
    final Source source;
    /** How long to wait, in nanoseconds from registration, or {@link #NO_TIMEOUT}. */
    private final long timeoutNanos;
    /** The {@link System#nanoTime()} at which it times out; set on registration. */
    long deadline;
    /**
     * Registration order, to break ties between equal deadlines first-in first-out; compared by difference, so it
     * may wrap around.
     */
    int sequence;
    /** The run that registered it, which alone may count its waiter down; {@code null} until then. */
    private Waker waker;
    /** 1 once it has fired or been cancelled: a wait counts down at most once, whoever gets there first. */
    private volatile int finished;

    /**
     * A wait, to be yielded by the coroutine that waits with {@code Step.Request.WAIT}.
     *
     * @param source what it waits for, or {@code null} for a pure sleep
     * @param timeoutNanos how long to wait at most, in nanoseconds from registration, or {@link #NO_TIMEOUT}
     */
    public Wait(Source source, long timeoutNanos) {
        super(null);
        this.source = source;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * How long it waits at most.
     *
     * @return nanoseconds from registration, or {@link #NO_TIMEOUT}
     */
    public final long timeoutNanos() {
        return timeoutNanos;
    }

    /**
     * Whether it waits for a source, rather than only for its deadline.
     *
     * @return false for a pure sleep
     */
    public final boolean hasSource() {
        return source != null;
    }

    /**
     * Whether a loop has registered it: its coroutine has made its wait, and steps again only once it is over.
     *
     * @return true once registered
     */
    public final boolean isRegistered() {
        return waker != null;
    }

    /** The run registers it for a coroutine. */
    final void registeredBy(Coro<?> waiting, Waker run) {
        coro = waiting;
        waker = run;
    }

    /**
     * Its source fired, on any thread. On the loop's own thread nothing can claim the wait at the same time: its
     * timeout and its cancellation happen on that thread, and its source hands it to one firing only. There it is
     * claimed without a compare-and-set, so that a coroutine setting an event another coroutine of its loop waits
     * for, the commonest hand-off, costs one atomic instruction less.
     */
    public final void fireFromSource() {
        Waker run = waker;
        if (run.onLoopThread() ? finishAlone() : finish()) {
            run.wake(this);
        }
    }

    /**
     * Its deadline passed; called on the loop's thread.
     *
     * @return true if this ended the wait, so its waiter must be counted down
     */
    final boolean fireFromTimeout() {
        if (!finish()) {
            return false;
        }
        if (source != null) {
            source.deregister(this);
        }
        return true;
    }

    /** Its coroutine was cancelled while waiting: the wait ends without counting down, and leaves its source. */
    public final void cancel() {
        if (finish() && source != null) {
            source.deregister(this);
        }
    }

    /** Its one completion, which {@link #finish} lets through once only. */
    @Override
    final boolean countDown() {
        return true;
    }

    /** Whether its source, its deadline or a cancellation has ended it. */
    final boolean isFinished() {
        return finished != 0;
    }

    /** Claims the wait's one count-down; false if a source, a timeout or a cancellation already had it. */
    private boolean finish() {
        return FINISHED.compareAndSet(this, 0, 1);
    }

    /** {@link #finish}, where no other thread can claim the wait meanwhile. */
    private boolean finishAlone() {
        if (finished != 0) {
            return false;
        }
        FINISHED.setRelease(this, 1);
        return true;
    }

    @Override
    public final int compareTo(Wait other) {
        int byDeadline = Long.compare(deadline - other.deadline, 0);
        return byDeadline != 0 ? byDeadline : Integer.compare(sequence - other.sequence, 0);
    }
}
