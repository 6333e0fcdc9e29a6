package dev.tinyio.internal.vocabulary;

/**
 * The outcome of one step of a coroutine, written by its {@link Stepper} and read by the loop. One instance per
 * running loop is reused for every step, so stepping allocates nothing.
 */
public final class Step {
    /** How a step ended. */
    public enum Outcome {
        /** The coroutine yielded: see {@link Step#requestKind()} and {@link Step#request}. */
        YIELDED,
        /** The coroutine returned {@link #value}. */
        RETURNED,
        /** The coroutine threw {@link #error}. */
        THREW
    }

    /** What a coroutine that yielded asks of the loop. */
    public enum Request {
        /** A bare {@code Coro.yield()}. */
        BARE,
        /** {@code Coro.yield(coro)}; the request is the coroutine. */
        ONE,
        /** {@code Coro.yield(list)}; the request is the list. */
        LIST,
        /** {@code Coro.yield(set)}; the request is the set. */
        SET,
        /** A wait on the loop's wake-ups (a sleep, an event); the request is the loop's wait. */
        WAIT,
        /**
         * Asks the loop to act on the coroutine's behalf, then to step it again at once with what the action
         * returned: how the runtime's own coroutines reach the run that steps them. The request is the action.
         */
        CALL;

        private static final Request[] BY_ORDINAL = values();

        /**
         * The request of an ordinal, for fields that keep a request as its ordinal: see {@link Step#requestKind()}.
         *
         * @param ordinal the request's {@link #ordinal()}
         * @return the request
         */
        public static Request of(int ordinal) {
            return BY_ORDINAL[ordinal];
        }
    }

    /** An outcome to be filled by steps. */
    public Step() {
    }

    /**
     * What was yielded, as its ordinal. A reference written into an object that has reached G1's old generation
     * (a long run's record of its steps, as the carrier of a thread) takes the write barrier's slow path, with a
     * memory fence, on every step; a byte does not.
     */
    private byte requestKind;
    /** The yielded object itself; may be {@code null}, which the loop refuses as an invalid yield. */
    public Object request;
    /**
     * What was yielded, after {@link #yielded}.
     *
     * @return the request's kind
     */
    public Request requestKind() {
        return Request.of(requestKind);
    }

    /**
     * Whether what was yielded, after {@link #yielded}, is of this kind: a comparison of the ordinal kept, where
     * {@link #requestKind()} first looks the request up in a table, on a path that every yield takes.
     *
     * @param kind the kind
     * @return true if the request is of that kind
     */
    public boolean requestIs(Request kind) {
        return requestKind == kind.ordinal();
    }

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
     * @param kind what is asked of the loop
     * @param what the yielded object
     * @return {@link Outcome#YIELDED}
     */
    public Outcome yielded(Request kind, Object what) {
        return yielded(kind.ordinal(), what);
    }

    /**
     * Records a yield whose kind is held as its ordinal, as a thread's carrier holds it while a suspension unwinds.
     *
     * @param kindOrdinal the {@link Request#ordinal()} of what is asked of the loop
     * @param what the yielded object
     * @return {@link Outcome#YIELDED}
     */
    public Outcome yielded(int kindOrdinal, Object what) {
        requestKind = (byte) kindOrdinal;
        request = what;
        return Outcome.YIELDED;
    }

    /**
     * Records a return.
     *
     * @param result the returned value
     * @return {@link Outcome#RETURNED}
     */
    public Outcome returned(Object result) {
        value = result;
        return Outcome.RETURNED;
    }

    /**
     * Records a throw.
     *
     * @param failure the thrown error
     * @return {@link Outcome#THREW}
     */
    public Outcome threw(Throwable failure) {
        error = failure;
        return Outcome.THREW;
    }

    /** Drops the references of the last step so that they do not outlive it. */
    public void clear() {
        // Stored only if held: most steps yield bare and hold nothing, and every reference store, even of null,
        // passes the collector's write barrier.
        if (request != null) {
            request = null;
        }
        if (value != null) {
            value = null;
        }
        if (error != null) {
            error = null;
        }
        concurrentFailure = false;
    }
}
