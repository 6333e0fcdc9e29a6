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
    /** The fiber whose frame this is, as far as the frame needs it: where its resume value waits. */
    final Resumption fiber;
    /** The frame that called this one and waits for its result, or {@code null} at the coroutine's root. */
    Frame parent;

    Frame(Resumption fiber, SiteInfo site) {
        this.fiber = fiber;
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
        Throwable t = fiber.resumeThrown;
        Object v = fiber.resumeValue;
        fiber.resumeThrown = null;
        fiber.resumeValue = null;
        // The locals are back in the method: the frame must not keep alive what the method goes on to drop.
        Arrays.fill(refs, null);
        if (t != null) {
            throw t;
        }
        return v;
    }

    @Override
    public String toString() {
        return "Frame[" + site + "]";
    }
}
