package dev.tinyio.internal;

import dev.tinyio.Coro;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.internal.vocabulary.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps the coroutines whose bodies are instrumented code, on one thread: starts a body, or resumes a coroutine from
 * the chain of frames it saved when it last suspended. A suspended coroutine keeps nothing but that chain, its
 * innermost frame standing for it in its record. A fiber keeps no state of its own: the state of a suspension while
 * it unwinds lives in the thread's carrier ({@link Unwinding}), since one coroutine at a time runs on a thread.
 *
 * <p>A step re-enters only the innermost saved frame; when that frame returns, its value is passed to its parent's
 * call site and the parent is re-entered, and so on. A yield therefore costs the same at any call depth.
 *
 * <p>Public for the core loop, in another package of this module. The vocabulary it steps with is not exported, as
 * no code outside the module steps a fiber.
 */
@SuppressWarnings("exports")
public final class Fiber {
    /** The thread's carrier, which holds the suspension being unwound. */
    private final Unwinding carrier;

    /**
     * A fiber for one run's coroutines.
     *
     * @param carrier the carrier of the thread that steps them, always the same: a loop runs on one thread
     */
    public Fiber(Unwinding carrier) {
        this.carrier = carrier;
    }

    /**
     * Runs a user's body until it yields, returns or throws. Cancelled before it ran, none of its code runs.
     *
     * @param body a {@link Coro.Body} or a {@link Coro.VoidBody}
     * @param thrown what its start throws instead, or {@code null}
     * @param out where the outcome goes
     * @return how the step ended; once {@link Step.Outcome#YIELDED}, {@link #suspendedAt} has its frames
     */
    public Step.Outcome start(Object body, Throwable thrown, Step out) {
        if (thrown != null) {
            return out.threw(thrown);
        }
        Object result;
        try {
            result = body instanceof Coro.Body<?> withResult ? withResult.run() : runVoid(body);
        } catch (Throwable t) {
            Throwable error = carriedOn(t);
            carrier.abandonUnwinding();
            return out.threw(error);
        }
        if (carrier.suspending) {
            if (!carrier.saved()) {
                return brokenSuspension(body.getClass().getName(), out);
            }
            NotInstrumentedError entryNotInstrumented = checkEntry(body);
            if (entryNotInstrumented != null) {
                carrier.abandonUnwinding();
                return out.threw(entryNotInstrumented);
            }
            return suspended(out);
        }
        return out.returned(result);
    }

    /**
     * Runs a suspended coroutine from where it suspended until it yields, returns or throws.
     *
     * @param top the innermost frame it saved
     * @param value what its pending yield evaluates to
     * @param thrown what its pending yield throws instead, or {@code null}
     * @param out where the outcome goes
     * @return how the step ended; once {@link Step.Outcome#YIELDED}, {@link #suspendedAt} has its frames
     */
    public Step.Outcome resume(Frame top, Object value, Throwable thrown, Step out) {
        if (carrier.debugging && top.parent != null) {
            return resumeWhole(top, value, thrown, out);
        }
        Frame frame = top;
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
                if (frame != top) {
                    // A parent re-entered after the top returned saved itself: the loop knows only the top it
                    // handed over, so the carrier keeps this frame as the head.
                    carrier.keepHead(frame);
                }
                return carrier.saved() ? suspended(out) : brokenSuspension(rootOf(frame).toString(), out);
            }
            value = result;
            thrown = null;
            frame = frame.parent;
        }
        return thrown != null ? out.threw(thrown) : out.returned(value);
    }

    /**
     * The frames that the step that just yielded saved.
     *
     * @param resumed the frame the step resumed, or {@code null} if it started the body
     * @return the innermost of them
     */
    public Frame suspendedAt(Frame resumed) {
        return carrier.unwound(resumed);
    }

    /**
     * The stack a coroutine is suspended in.
     *
     * @param top the innermost frame it saved
     * @return the elements, innermost first
     */
    public static StackTraceElement[] suspendedTrace(Frame top) {
        List<StackTraceElement> elements = new ArrayList<>();
        for (Frame f = top; f != null; f = f.parent) {
            elements.add(f.site.element());
        }
        return elements.toArray(new StackTraceElement[0]);
    }

    /**
     * The outermost saved frame must be the body's own: otherwise a frame between the body and the suspension
     * was not instrumented, carried on with a dummy result and returned, and resuming would hand the coroutine
     * the value of a call deep inside it. A body that is a lambda proxy has no frame of its own: its outermost
     * frame must be the method the proxy enters ({@link Proxies#enters}).
     */
    private NotInstrumentedError checkEntry(Object body) {
        MethodInfo root = carrier.outermost().site.method;
        // The body's own run() (a class's, or a default method of an interface extending Coro.Body), or the method
        // a proxy enters as the body.
        boolean entered = root.name.equals("run") && root.owner.isInstance(body)
                || body.getClass().isHidden() && Proxies.enters(body, root, null);
        return entered ? null : Blame.body(carrier.innermost(), body);
    }

    private static Object runVoid(Object body) throws Exception {
        ((Coro.VoidBody) body).run();
        return null;
    }

    /** The method of a coroutine's body, which names it in messages: that of its outermost frame. */
    private static MethodInfo rootOf(Frame frame) {
        Frame outermost = frame;
        while (outermost.parent != null) {
            outermost = outermost.parent;
        }
        return outermost.site.method;
    }

    /**
     * Re-enters every suspended frame from the outermost down, each calling the next as it did when it suspended
     * ({@link Frame.Whole}): debug mode, where a debugger, a profiler or {@code Thread.getStackTrace()} after a
     * resume must see the whole chain. Costs one re-entry per frame; an exception thrown inside travels through the
     * frames on the stack, as in a plain call.
     */
    private Step.Outcome resumeWhole(Frame top, Object value, Throwable thrown, Step out) {
        Frame.Whole whole = new Frame.Whole(top, value, thrown);
        Frame outermost = whole.outermost();
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
            return carrier.saved() ? suspended(out) : brokenSuspension(outermost.site.method.toString(), out);
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
        return Blame.threw(carrier.innermost(), t);
    }

    /**
     * A yield was made but no frame was saved: saving failed (a StackOverflowError, say) and the code caught the
     * error and returned. The suspension cannot complete; it must not stay counted, nor this thread suspending.
     *
     * @param coroutine what names the coroutine: its body's class, or its body's method
     */
    private Step.Outcome brokenSuspension(String coroutine, Step out) {
        carrier.abandonUnwinding();
        return out.threw(new NotInstrumentedError("A suspension of " + coroutine + " was lost: saving its frame "
                + "failed, and the error was caught, so the code carried on and returned instead of suspending"));
    }

    /** The suspension has unwound to here: the loop is told what was yielded, and takes the frames. */
    private Step.Outcome suspended(Step out) {
        return carrier.endUnwinding(out);
    }
}
