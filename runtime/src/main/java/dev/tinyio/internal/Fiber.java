package dev.tinyio.internal;

import dev.tinyio.Coro;
import dev.tinyio.NotInstrumentedError;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame store of one coroutine whose body is instrumented code: the chain of its saved frames and the state
 * of a suspension while it unwinds.
 *
 * <p>A step re-enters only the innermost saved frame; when that frame returns, its value is passed to its parent's
 * call site and the parent is re-entered, and so on. A yield therefore costs the same at any call depth.
 */
public final class Fiber implements Stepper {
    /** The body it runs: a {@link Coro.Body} or a {@link Coro.VoidBody}. */
    private Object body;
    /** Whether the body has been entered. */
    private boolean started;
    /** The innermost saved frame while suspended; {@code null} while running or finished. */
    private Frame top;
    /** Set by a yield, cleared once the suspension has unwound to the loop. */
    boolean suspending;
    /** Whether this suspension counted itself in {@link Suspension#pending}. */
    private boolean countedPending;
    /** The innermost frame saved during the unwinding in progress. */
    private Frame chainHead;
    /** The outermost frame saved during the unwinding in progress. */
    private Frame chainTail;
    /** The body's own method, once a suspension has saved it; names the coroutine in messages. */
    private MethodInfo root;
    /** The value the suspended call of the frame being re-entered returns: one frame is re-entered at a time. */
    Object resumeValue;
    /** The throwable that call throws instead, or {@code null}. */
    Throwable resumeThrown;
    /** What the coroutine yielded. */
    private int requestKind;
    /** The yielded object. */
    private Object request;

    /**
     * A fiber, to be given its body by {@link #startNext}. A loop starts each new coroutine on a fiber it keeps
     * spare, and lets the coroutine keep that fiber only if the first step suspends; most coroutines never do.
     */
    public Fiber() {
    }

    /**
     * Readies the fiber to start a body: a fresh one, or one whose previous body ended without ever suspending,
     * so that nothing refers to it any more.
     *
     * @param body a {@link Coro.Body} or a {@link Coro.VoidBody}
     */
    public void startNext(Object body) {
        this.body = body;
        started = false;
        root = null;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (!started) {
            started = true;
            if (thrown != null) {
                // Cancelled before it ran: none of its code runs.
                return out.threw(thrown);
            }
            return start(out);
        }
        return resume(value, thrown, out);
    }

    private int start(Step out) {
        Object result;
        try {
            result = body instanceof Coro.Body<?> withResult ? withResult.run() : runVoid();
        } catch (Throwable t) {
            abandonUnwinding();
            return out.threw(t);
        }
        if (suspending) {
            NotInstrumentedError entryNotInstrumented = checkEntry();
            if (entryNotInstrumented != null) {
                abandonUnwinding();
                return out.threw(entryNotInstrumented);
            }
            root = chainTail.site.method;
            top = endUnwinding();
            return out.yielded(requestKind, takeRequest());
        }
        return out.returned(result);
    }

    /**
     * The outermost saved frame must be the body itself, unless the body is a lambda proxy, which only passes the
     * call through to the lambda's method; a body class that was not instrumented would otherwise be skipped.
     */
    private NotInstrumentedError checkEntry() {
        MethodInfo root = chainTail.site.method;
        if (body.getClass().isHidden() || root.name.equals("run") && root.owner.isInstance(body)) {
            return null;
        }
        return StackTraces.suspendedThrough(chainHead, body.getClass().getName() + ".run, the coroutine's body,");
    }

    private Object runVoid() throws Exception {
        ((Coro.VoidBody) body).run();
        return null;
    }

    private int resume(Object value, Throwable thrown, Step out) {
        Frame frame = top;
        top = null;
        Throwable stitched = null;
        while (frame != null) {
            resumeValue = value;
            resumeThrown = thrown;
            Object result;
            try {
                result = frame.site.method.resumer.resume(frame);
            } catch (Throwable t) {
                abandonUnwinding();
                if (t != stitched) {
                    StackTraces.appendSuspended(t, frame.parent);
                    stitched = t;
                }
                value = null;
                thrown = t;
                frame = frame.parent;
                continue;
            }
            if (suspending) {
                top = endUnwinding();
                return out.yielded(requestKind, takeRequest());
            }
            value = result;
            thrown = null;
            frame = frame.parent;
        }
        return thrown != null ? out.threw(thrown) : out.returned(value);
    }

    @Override
    public String toString() {
        String name = root != null ? root.toString() : body.getClass().getName();
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

    /** Starts a suspension: the caller will save its frame and return, and so will every instrumented caller. */
    void request(int kind, Object what) {
        if (suspending) {
            throw StackTraces.notInstrumentedBetween(abandon());
        }
        suspending = true;
        requestKind = kind;
        request = what;
    }

    /** A fresh activation saves its frame: it becomes the parent of the frames saved so far. */
    Frame save(SiteInfo site) {
        Frame frame = new Frame(this, site);
        if (!countedPending) {
            // Only a fresh activation may have instrumented callers still to unwind; re-entered frames return
            // straight to the loop, so plain yields in a resumed frame never touch the shared counter.
            Suspension.countIn();
            countedPending = true;
        }
        link(frame);
        return frame;
    }

    /** The frame being re-entered suspends again: it reuses its own frame object. */
    Frame resave(Frame frame, SiteInfo site) {
        frame.site = site;
        link(frame);
        return frame;
    }

    /**
     * Gives up the suspension being unwound, because it cannot complete: the error about it is thrown next, and
     * if user code catches that error, the coroutine simply carries on, unsuspended.
     *
     * @return the innermost frame the suspension had saved, for the error message
     */
    Frame abandon() {
        Frame innermost = chainHead;
        abandonUnwinding();
        return innermost;
    }

    private void link(Frame frame) {
        Frame child = chainTail;
        if (child == null) {
            chainHead = frame;
        } else {
            SiteInfo call = frame.site;
            if (call.calleeName != null && !(call.calleeName.equals(child.site.method.name)
                    && call.calleeDescriptor.equals(child.site.method.descriptor))) {
                throw StackTraces.notInstrumentedCallee(call, abandon());
            }
            child.parent = frame;
        }
        chainTail = frame;
    }

    private Frame endUnwinding() {
        Frame head = chainHead;
        clearUnwinding();
        return head;
    }

    private void abandonUnwinding() {
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

    private Object takeRequest() {
        Object what = request;
        request = null;
        return what;
    }
}
