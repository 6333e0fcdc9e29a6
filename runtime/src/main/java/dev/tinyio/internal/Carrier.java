package dev.tinyio.internal;

/**
 * Per-thread state of the coroutines a loop steps on this thread: the fiber being stepped, and the suspension it
 * is unwinding, if any. A loop fetches the carrier once per run and then only writes its fields, so stepping needs
 * no thread-local lookup. One fiber at a time runs on a thread, and a suspension unwinds completely within one
 * step, so the unwinding state belongs here rather than in every suspended fiber.
 */
public final class Carrier {
    private static final ThreadLocal<Carrier> CURRENT = ThreadLocal.withInitial(Carrier::new);

    /** The fiber being stepped on this thread, or {@code null} outside any coroutine. */
    public Fiber fiber;
    /** Set by a yield, cleared once the suspension has unwound to the loop. */
    boolean suspending;
    /** Whether this suspension counted itself in {@link Suspension#pending}. */
    private boolean countedPending;
    /** The innermost frame saved during the unwinding in progress. */
    Frame chainHead;
    /** The outermost frame saved during the unwinding in progress. */
    Frame chainTail;
    /** What the coroutine yielded. */
    private int requestKind;
    /** The yielded object. */
    private Object request;

    private Carrier() {
    }

    /**
     * This thread's carrier.
     *
     * @return the carrier, created on first use
     */
    public static Carrier get() {
        return CURRENT.get();
    }

    /**
     * Starts a suspension of the fiber being stepped, with what it yielded: the caller will save its frame and
     * return, and so will every instrumented caller.
     */
    void request(int kind, Object what) {
        if (suspending) {
            // The previous yield returned into code that carried on instead of saving its frame.
            throw Blame.yieldedAgain(fiber.abandon());
        }
        suspending = true;
        requestKind = kind;
        request = what;
    }

    /**
     * A fresh activation saves a frame. Only a fresh activation may have instrumented callers still to unwind;
     * re-entered frames return straight to the loop, so plain yields in a resumed frame never touch the shared
     * counter.
     */
    void countPending() {
        if (!countedPending) {
            Suspension.countIn();
            countedPending = true;
        }
    }

    /** The suspension has unwound to the loop: tells the loop what was yielded, and forgets it. */
    int endUnwinding(Step out) {
        Object what = request;
        request = null;
        clearUnwinding();
        return out.yielded(requestKind, what);
    }

    /** The suspension in progress, if any, will not complete. */
    void abandonUnwinding() {
        if (suspending) {
            clearUnwinding();
            request = null;
        }
    }

    private void clearUnwinding() {
        suspending = false;
        chainHead = null;
        chainTail = null;
        if (countedPending) {
            countedPending = false;
            Suspension.countOut();
        }
    }
}
