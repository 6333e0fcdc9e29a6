package dev.tinyio.internal;

/**
 * The outcome of one step of a coroutine, written by its {@link Stepper} and read by the loop. One instance per
 * running loop is reused for every step, so stepping allocates nothing.
 */
public final class Step {
    /** The coroutine yielded: see {@link #requestKind} and {@link #request}. */
    public static final int YIELDED = 0;
    /** The coroutine returned {@link #value}. */
    public static final int RETURNED = 1;
    /** The coroutine threw {@link #error}. */
    public static final int THREW = 2;

    /** A bare {@code Coro.yield()}. */
    public static final int BARE = 0;
    /** {@code Coro.yield(coro)}; the request is the coroutine. */
    public static final int ONE = 1;
    /** {@code Coro.yield(list)}; the request is the list. */
    public static final int LIST = 2;
    /** {@code Coro.yield(set)}; the request is the set. */
    public static final int SET = 3;
    /** A wait on the loop's internal wake-ups (sleep, events); the request is the loop's wait object. */
    public static final int WAIT = 4;
    /**
     * Asks the loop to time a coroutine out now, then to step the asker again at once with the outcome; the
     * request is the runtime's own description of what to time out.
     */
    public static final int TIME_OUT = 5;

    /** An outcome to be filled by steps. */
    public Step() {
    }

    /** What was yielded: one of the request kinds above. */
    public int requestKind;
    /** The yielded object itself; may be {@code null}, which the loop refuses as an invalid yield. */
    public Object request;
    /** The returned value. */
    public Object value;
    /** The thrown error. */
    public Throwable error;
    /**
     * Set with a throw while being cancelled when the error is not a response to the cancellation but a failure
     * that happened at the same time, on another thread: it is grouped with the original in every mode.
     */
    public boolean concurrentFailure;

    /**
     * Records a yield.
     *
     * @param kind the request kind
     * @param what the yielded object
     * @return {@link #YIELDED}
     */
    public int yielded(int kind, Object what) {
        requestKind = kind;
        request = what;
        return YIELDED;
    }

    /**
     * Records a return.
     *
     * @param result the returned value
     * @return {@link #RETURNED}
     */
    public int returned(Object result) {
        value = result;
        return RETURNED;
    }

    /**
     * Records a throw.
     *
     * @param failure the thrown error
     * @return {@link #THREW}
     */
    public int threw(Throwable failure) {
        error = failure;
        return THREW;
    }

    /** Drops the references of the last step so that they do not outlive it. */
    public void clear() {
        request = null;
        value = null;
        error = null;
        concurrentFailure = false;
    }
}
