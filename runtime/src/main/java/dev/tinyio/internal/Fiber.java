package dev.tinyio.internal;

import dev.tinyio.Coro;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame store of one coroutine whose body is instrumented code: the chain of its saved frames. The state of a
 * suspension while it unwinds lives in the thread's carrier ({@link Unwinding}), since one fiber at a time unwinds
 * on a thread.
 *
 * <p>A step re-enters only the innermost saved frame; when that frame returns, its value is passed to its parent's
 * call site and the parent is re-entered, and so on. A yield therefore costs the same at any call depth.
 *
 * <p>Public for the core loop, in another package of this module. The vocabulary it steps with is not exported, as
 * no code outside the module steps a fiber.
 */
@SuppressWarnings("exports")
public final class Fiber implements Stepper {
    /** The thread's carrier, which holds the suspension being unwound. */
    private final Unwinding carrier;
    /**
     * The body it runs, a {@link Coro.Body} or a {@link Coro.VoidBody}, until its first suspension; from then on the
     * {@link MethodInfo} of the body's own method, which names the coroutine in messages.
     */
    private Object body;
    /**
     * The innermost saved frame while suspended; {@code null} before the first step, while running, and once
     * finished. A fiber is stepped only before it starts and while suspended, so a step finding none starts it.
     */
    private Frame top;

    /**
     * A fiber, to be given its body by {@link #startNext}. A loop starts each new coroutine on a fiber it keeps
     * spare, and lets the coroutine keep that fiber only if the first step suspends; most coroutines never do.
     *
     * @param carrier the carrier of the thread that steps it, always the same: a loop runs on one thread
     */
    public Fiber(Unwinding carrier) {
        this.carrier = carrier;
    }

    /**
     * Readies the fiber to start a body: a fresh one, or one whose previous body ended without ever suspending,
     * so that nothing refers to it any more.
     *
     * @param body a {@link Coro.Body} or a {@link Coro.VoidBody}
     */
    public void startNext(Object body) {
        this.body = body;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (top == null) {
            if (thrown != null) {
                // Cancelled before it ran: none of its code runs.
                return out.threw(thrown);
            }
            return start(out);
        }
        return resume(value, thrown, out);
    }

    private Step.Outcome start(Step out) {
        Object result;
        try {
            result = body instanceof Coro.Body<?> withResult ? withResult.run() : runVoid();
        } catch (Throwable t) {
            Throwable error = carriedOn(t);
            carrier.abandonUnwinding();
            return out.threw(error);
        }
        if (carrier.suspending) {
            if (carrier.chainTail == null) {
                return brokenSuspension(out);
            }
            NotInstrumentedError entryNotInstrumented = checkEntry();
            if (entryNotInstrumented != null) {
                carrier.abandonUnwinding();
                return out.threw(entryNotInstrumented);
            }
            body = carrier.chainTail.site.method;
            return suspended(out);
        }
        return out.returned(result);
    }

    /**
     * The outermost saved frame must be the body's own: otherwise a frame between the body and the suspension
     * was not instrumented, carried on with a dummy result and returned, and resuming would hand the coroutine
     * the value of a call deep inside it. A body that is a lambda proxy has no frame of its own: its outermost
     * frame must be the method the proxy enters ({@link Proxies#enters}).
     */
    private NotInstrumentedError checkEntry() {
        MethodInfo root = carrier.chainTail.site.method;
        // The body's own run() (a class's, or a default method of an interface extending Coro.Body), or the method
        // a proxy enters as the body.
        boolean entered = root.name.equals("run") && root.owner.isInstance(body)
                || body.getClass().isHidden() && Proxies.enters(body, root, null);
        return entered ? null : Blame.body(carrier.chainHead, body);
    }

    private Object runVoid() throws Exception {
        ((Coro.VoidBody) body).run();
        return null;
    }

    private Step.Outcome resume(Object value, Throwable thrown, Step out) {
        if (carrier.debugging && top.parent != null) {
            return resumeWhole(value, thrown, out);
        }
        Frame frame = top;
        top = null;
        Throwable stitched = null;
        while (frame != null) {
            carrier.resumeValue = value;
            carrier.resumeThrown = thrown;
            Object result;
            try {
                result = frame.site.method.resumer.resume(frame);
            } catch (Throwable caught) {
                Throwable t = carriedOn(caught);
                carrier.abandonUnwinding();
                if (t != stitched) {
                    StackTraces.appendSuspended(t, frame.parent);
                    stitched = t;
                }
                value = null;
                thrown = t;
                frame = frame.parent;
                continue;
            }
            if (carrier.suspending) {
                return carrier.chainHead == null ? brokenSuspension(out) : suspended(out);
            }
            value = result;
            thrown = null;
            frame = frame.parent;
        }
        return thrown != null ? out.threw(thrown) : out.returned(value);
    }

    /**
     * Re-enters every suspended frame from the outermost down, each calling the next as it did when it suspended
     * ({@link Frame.Whole}): debug mode, where a debugger, a profiler or {@code Thread.getStackTrace()} after a
     * resume must see the whole chain. Costs one re-entry per frame; an exception thrown inside travels through the
     * frames on the stack, as in a plain call.
     */
    private Step.Outcome resumeWhole(Object value, Throwable thrown, Step out) {
        Frame.Whole whole = new Frame.Whole(top, value, thrown);
        Frame outermost = whole.outermost();
        top = null;
        carrier.resumeValue = whole;
        carrier.resumeThrown = null;
        Object result;
        try {
            result = outermost.site.method.resumer.resume(outermost);
        } catch (Throwable caught) {
            Throwable t = carriedOn(caught);
            carrier.abandonUnwinding();
            return out.threw(t);
        }
        if (carrier.suspending) {
            return carrier.chainHead == null ? brokenSuspension(out) : suspended(out);
        }
        return out.returned(result);
    }

    /**
     * An exception escaped while a suspension was unwinding. Instrumented frames only save themselves and return
     * then, so some frame that was not instrumented received the suspending callee's dummy result (null, zero or
     * false), carried on, and threw: that is what the user must hear about, with the exception as its cause. An
     * {@link Error} is left as it is: it may come from the saving itself (a stack overflow).
     */
    private Throwable carriedOn(Throwable t) {
        if (!carrier.suspending || !(t instanceof Exception)) {
            return t;
        }
        return Blame.threw(carrier.chainHead, t);
    }

    /**
     * A yield was made but no frame was saved: saving failed (a StackOverflowError, say) and the code caught the
     * error and returned. The suspension cannot complete; it must not stay counted, nor this thread suspending.
     */
    private Step.Outcome brokenSuspension(Step out) {
        carrier.abandonUnwinding();
        return out.threw(new NotInstrumentedError("A suspension of " + this + " was lost: saving its frame failed, "
                + "and the error was caught, so the code carried on and returned instead of suspending"));
    }

    /** The suspension has unwound to here: its frames are kept, and the loop is told what was yielded. */
    private Step.Outcome suspended(Step out) {
        top = carrier.chainHead;
        return carrier.endUnwinding(out);
    }

    @Override
    public String toString() {
        String name = body instanceof MethodInfo root ? root.toString() : body.getClass().getName();
        return top == null ? name : name + " suspended at " + top.site;
    }

    @Override
    public StackTraceElement[] suspendedTrace() {
        List<StackTraceElement> elements = new ArrayList<>();
        for (Frame f = top; f != null; f = f.parent) {
            elements.add(f.site.element());
        }
        return elements.toArray(new StackTraceElement[0]);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Called by Suspension on behalf of instrumented code
    // ---------------------------------------------------------------------------------------------------------

    /**
     * A fresh activation saves its frame: it becomes the parent of the frames saved so far.
     *
     * @param receiver the receiver of the dispatched call that suspended, or {@code null} for any other call
     */
    Frame save(SiteInfo site, Object receiver) {
        Frame frame = new Frame(carrier, site);
        carrier.countPending();
        carrier.link(frame, receiver);
        return frame;
    }

    /** The frame being re-entered suspends again: it reuses its own frame object. */
    Frame resave(Frame frame, SiteInfo site, Object receiver) {
        frame.site = site;
        if (carrier.debugging) {
            // Its re-entered callers are on the stack below it, and must see that a suspension is unwinding.
            carrier.countPending();
        }
        carrier.link(frame, receiver);
        return frame;
    }
}
