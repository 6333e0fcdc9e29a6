package dev.tinyio.internal;

import java.util.Arrays;

/**
 * The saved state of one suspended method activation: its locals and the operand stack below the call where it
 * suspended, and the site to jump back to. Instrumented code fills and reads the arrays directly.
 */
public final class Frame {
    private static final Object[] NO_REFS = new Object[0];
    private static final long[] NO_PRIMS = new long[0];

    /** Saved references, in the order the site's save code chose. */
    public final Object[] refs;
    /** Saved primitives, widened to long (float and double by their raw bits). */
    public final long[] prims;
    /** Where this frame is suspended; read by the restore code to pick its entry. */
    public SiteInfo site;
    /** The carrier of the thread its fiber runs on, as far as the frame needs it: where its resume value waits. */
    final Resumption carrier;
    /** The frame that called this one and waits for its result, or {@code null} at the coroutine's root. */
    Frame parent;

    Frame(Resumption carrier, SiteInfo site) {
        this.carrier = carrier;
        this.site = site;
        int refSlots = site.method.refSlots;
        int primSlots = site.method.primSlots;
        this.refs = refSlots == 0 ? NO_REFS : new Object[refSlots];
        this.prims = primSlots == 0 ? NO_PRIMS : new long[primSlots];
    }

    /**
     * What the suspended call evaluates to on re-entry: called by restore code at the call site, inside the
     * call's exception handlers, so that a thrown-in exception is caught exactly where the call would throw it.
     *
     * @return the value to resume with
     * @throws Throwable the exception to resume with, unchanged
     */
    public Object resumeValue() throws Throwable {
        Throwable t = carrier.resumeThrown;
        Object v = carrier.resumeValue;
        // The locals are back in the method: the frame must not keep alive what the method goes on to drop.
        Arrays.fill(refs, null);
        // Forgotten, as the carrier outlives the step, but only if held: a bare yield resumes with neither.
        if (t != null) {
            carrier.resumeThrown = null;
            throw t;
        }
        if (v != null) {
            carrier.resumeValue = null;
        }
        return v instanceof Whole whole ? whole.enterNext(carrier) : v;
    }

    /**
     * A resume of every suspended frame of a fiber, from the outermost down, for debug mode: each frame, re-entered,
     * evaluates its suspended call by re-entering the next frame in, as it called it when it suspended, so that the
     * innermost runs with the whole chain on the thread's stack. It stands in the carrier as the resume value of every
     * frame but the innermost, which gets the real one.
     */
    static final class Whole {
        /** The suspended frames, outermost first. */
        private final Frame[] frames;
        /** What the innermost frame's suspended call returns. */
        private final Object value;
        /** What it throws instead, or {@code null}. */
        private final Throwable thrown;
        /** The index of the next frame to re-enter. */
        private int next = 1;

        Whole(Frame innermost, Object value, Throwable thrown) {
            int depth = 0;
            for (Frame f = innermost; f != null; f = f.parent) {
                depth++;
            }
            frames = new Frame[depth];
            for (Frame f = innermost; f != null; f = f.parent) {
                frames[--depth] = f;
            }
            this.value = value;
            this.thrown = thrown;
        }

        /** The frame to re-enter first. */
        Frame outermost() {
            return frames[0];
        }

        /** Re-enters the next frame in, handing it the real resume value if it is the innermost. */
        private Object enterNext(Resumption carrier) throws Throwable {
            Frame inner = frames[next++];
            boolean innermost = next == frames.length;
            carrier.resumeValue = innermost ? value : this;
            carrier.resumeThrown = innermost ? thrown : null;
            return inner.site.method.resumer.resume(inner);
        }
    }

    @Override
    public String toString() {
        return "Frame[" + site + "]";
    }
}
