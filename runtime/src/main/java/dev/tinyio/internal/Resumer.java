package dev.tinyio.internal;

/** Re-enters a saved frame of one instrumented class: the class's synthetic dispatch method behind an interface. */
@FunctionalInterface
public interface Resumer {
    /**
     * Re-enters the frame at the call site where it suspended.
     *
     * @param frame the saved frame, with its resume value set
     * @return what the method returned, boxed, or a dummy if it suspended again
     * @throws Throwable whatever the method threw
     */
    Object resume(Frame frame) throws Throwable;
}
