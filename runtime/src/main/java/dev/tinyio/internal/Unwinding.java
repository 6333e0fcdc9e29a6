package dev.tinyio.internal;

import dev.tinyio.internal.vocabulary.Step;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The suspension a thread is unwinding, if any: what the coroutine yielded, and the chain of frames saved so far,
 * from the innermost (saved first) out. One fiber at a time runs on a thread, and a suspension unwinds completely
 * within one step, so this state belongs to the thread's {@link Carrier} rather than to every fiber. Fibers see
 * their carrier as this, the part of it that knows no fiber.
 */
public class Unwinding extends Resumption {
    /**
     * How many threads are unwinding a fresh suspension right now. Instrumented code reads it after every call
     * that may suspend; only when it is non-zero does it look up its own thread's carrier, so code that never
     * suspends pays one field read per such call.
     */
    public static volatile int pending;

    private static final VarHandle PENDING;

    static {
        try {
            PENDING = MethodHandles.lookup().findStaticVarHandle(Unwinding.class, "pending", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Set by a yield, cleared once the suspension has unwound to the loop. */
    boolean suspending;
    /**
     * Whether the loop stepping on this thread is in debug mode. Its fibers then resume whole chains of frames, and
     * a re-entered frame that suspends again counts in {@link #pending}: its re-entered callers read it to know they
     * must save themselves too.
     */
    public boolean debugging;
    /** Whether this suspension counted itself in {@link #pending}. */
    private boolean countedPending;
    /**
     * Whether the unwinding in progress has saved a frame. The ends of its chain are valid only then. They are left
     * as they were when an unwinding ends, and overwritten only with another frame (or, the tail, with null), since a
     * carrier lives as long as its thread and, once in G1's old generation, every reference stored into it takes the
     * write barrier's slow path, a memory fence included. A coroutine yielding in a loop saves the same frame again
     * and again, and stores nothing here.
     */
    private boolean chained;
    /**
     * Whether the chain so far is its head alone, which is then also its outermost frame. A suspension of one frame,
     * the commonest, stores only the head: coroutines taking turns, each step saving another frame than the last,
     * pay the barrier once a step, not twice.
     */
    private boolean alone;
    /**
     * Whether the chain is the frame the fiber resumes, alone, saved again: the commonest suspension of all, a
     * resumed coroutine yielding again. The fiber holds that frame, so the carrier does not store it: where
     * coroutines take turns, each step saves another frame than the step before, and storing it as the head would
     * take the barrier at every step. The fiber hands it over ({@link #keepHead}) if it lets go of it first.
     * Outside debug mode only, where nothing on the stack links onto a resumed frame.
     */
    private boolean headIsResumed;
    /**
     * The innermost frame saved during the unwinding in progress, if {@link #chained} and not
     * {@link #headIsResumed}.
     */
    private Frame chainHead;
    /**
     * The outermost frame saved during the unwinding in progress, if {@link #chained} and not {@link #alone}. Dropped
     * while the head is alone, so that it keeps no frame of an earlier suspension alive.
     */
    private Frame chainTail;
    /** What the coroutine yielded, as its ordinal: as {@code Step}'s, a byte costs a long-lived carrier no barrier. */
    private byte requestKind;
    /** The yielded object. */
    private Object request;

    /** Only a thread's carrier unwinds. */
    Unwinding() {
    }

    /**
     * Starts a suspension with what the coroutine yielded: the caller will save its frame and return, and so will
     * every instrumented caller.
     */
    void request(Step.Request kind, Object what) {
        if (suspending) {
            // The previous yield returned into code that carried on instead of saving its frame.
            throw Blame.yieldedAgain(abandon());
        }
        suspending = true;
        requestKind = (byte) kind.ordinal();
        request = what;
    }

    /**
     * A fresh activation saves a frame. Only a fresh activation may have instrumented callers still to unwind;
     * re-entered frames return straight to the loop, so plain yields in a resumed frame never touch the shared
     * counter.
     */
    void countPending() {
        if (!countedPending) {
            PENDING.getAndAdd(1);
            countedPending = true;
        }
    }

    /**
     * Links a frame just saved above the frames saved before it in this suspension, once it is sure that it is
     * their caller.
     *
     * @param receiver the receiver of the dispatched call that suspended, or {@code null} for any other call
     */
    void link(Frame frame, Object receiver) {
        if (!chained) {
            startChain(frame, false);
            return;
        }
        if (headIsResumed) {
            // Only debug mode re-enters a resumed frame's callers, and it keeps every head.
            throw new IllegalStateException("tinyio: a frame linked onto a resumed frame outside debug mode; the "
                    + "frame saved below it is unknown. This is a bug in tinyio: please report it with this trace.");
        }
        Frame child = alone ? chainHead : chainTail;
        // A chain re-entered whole, in debug mode, keeps the links checked when it was first saved.
        if (child.parent != frame) {
            SiteInfo call = frame.site;
            if (!Callees.entered(call, child, receiver)) {
                throw Blame.notTheCallee(call, receiver, abandon());
            }
            child.parent = frame;
        }
        alone = false;
        if (chainTail != frame) {
            chainTail = frame;
        }
    }

    /**
     * A fresh activation saves its frame: it becomes the parent of the frames saved so far.
     *
     * @param receiver the receiver of the dispatched call that suspended, or {@code null} for any other call
     */
    Frame save(SiteInfo site, Object receiver) {
        Frame frame = new Frame(this, site);
        countPending();
        link(frame, receiver);
        return frame;
    }

    /** The frame being re-entered suspends again: it reuses its own frame object. */
    Frame resave(Frame frame, SiteInfo site, Object receiver) {
        if (frame.site != site) {
            frame.site = site;
        }
        if (debugging) {
            // Its re-entered callers are on the stack below it, and must see that a suspension is unwinding.
            countPending();
        } else if (!chained) {
            startChain(frame, true);
            return frame;
        }
        link(frame, receiver);
        return frame;
    }

    /** Starts the chain with its head alone: stored, unless it is the frame the fiber resumed and holds. */
    private void startChain(Frame head, boolean resumed) {
        chained = true;
        alone = true;
        headIsResumed = resumed;
        if (!resumed && chainHead != head) {
            chainHead = head;
        }
        // The tail of an earlier, longer chain is not kept alive; a null store takes no fence.
        if (chainTail != null) {
            chainTail = null;
        }
    }

    /**
     * Whether the unwinding in progress has saved a frame.
     *
     * @return true once a frame was saved
     */
    boolean saved() {
        return chained;
    }

    /**
     * The innermost frame saved during the unwinding in progress, for errors about it.
     *
     * @return the frame, or {@code null} if none was saved yet or the fiber holds it ({@link #headIsResumed})
     */
    Frame innermost() {
        return chained && !headIsResumed ? chainHead : null;
    }

    /**
     * The outermost frame saved during the unwinding in progress.
     *
     * @return the frame, or {@code null} if none was saved yet or the fiber holds it ({@link #headIsResumed})
     */
    Frame outermost() {
        return !chained || headIsResumed ? null : alone ? chainHead : chainTail;
    }

    /**
     * The innermost frame of the suspension that last unwound to the loop: right after {@link #endUnwinding}, the
     * frame the coroutine resumes from.
     *
     * @param resumed the frame the fiber resumed last, which is the head if it alone saved itself again
     * @return the frame
     */
    Frame unwound(Frame resumed) {
        return headIsResumed ? resumed : chainHead;
    }

    /**
     * The fiber lets go of the frame it resumed, which another frame's resumption or an error will follow: if that
     * frame is the chain's head, the carrier keeps it from now on.
     *
     * @param resumed the frame the fiber resumed last
     */
    void keepHead(Frame resumed) {
        if (headIsResumed) {
            headIsResumed = false;
            if (chainHead != resumed) {
                chainHead = resumed;
            }
        }
    }

    /**
     * Drops the frames of the last suspension, which an ended unwinding leaves in place: when a run ends, so that
     * a thread that runs no more coroutines keeps none alive.
     */
    public void forgetUnwound() {
        if (!chained) {
            chainHead = null;
            chainTail = null;
        }
    }

    /**
     * Gives up the suspension being unwound, because it cannot complete: the error about it is thrown next, and
     * if user code catches that error, the coroutine simply carries on, unsuspended.
     *
     * @return the innermost frame the suspension had saved, for the error message
     */
    Frame abandon() {
        Frame innermost = innermost();
        abandonUnwinding();
        return innermost;
    }

    /** The suspension has unwound to the loop: tells the loop what was yielded, and forgets it. */
    Step.Outcome endUnwinding(Step out) {
        Object what = request;
        // A bare yield, the commonest, requested nothing: nothing to forget.
        if (what != null) {
            request = null;
        }
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
        chained = false;
        if (countedPending) {
            countedPending = false;
            PENDING.getAndAdd(-1);
        }
    }
}
