package dev.tinyio.internal;

/**
 * What a saved frame sees of the fiber it belongs to: the outcome its suspended call evaluates to when the frame is
 * re-entered. One frame is re-entered at a time, so its fiber holds that outcome for it. A frame cannot name the
 * fiber itself, which holds frames: this is the part of a fiber that refers to no frame.
 */
public abstract class Resumption {
    /** The value the suspended call of the frame being re-entered returns. */
    Object resumeValue;
    /** The throwable that call throws instead, or {@code null}. */
    Throwable resumeThrown;

    /** Only fibers are resumptions. */
    Resumption() {
    }
}
