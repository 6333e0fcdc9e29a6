package dev.tinyio.internal;

/**
 * What a saved frame sees of the thread that re-enters it: the outcome its suspended call evaluates to. One frame at
 * a time is re-entered on a thread, so the thread's carrier holds that outcome for it, and a fiber needs no room of
 * its own for it. A frame cannot name the carrier itself, which holds frames: this is the part of it that refers to
 * no frame.
 */
public abstract class Resumption {
    /** The value the suspended call of the frame being re-entered returns. */
    Object resumeValue;
    /** The throwable that call throws instead, or {@code null}. */
    Throwable resumeThrown;

    /** Only a thread's carrier is one. */
    Resumption() {
    }
}
