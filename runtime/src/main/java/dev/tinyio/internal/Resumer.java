package dev.tinyio.internal;

/**
 * Re-enters a saved frame of one instrumented class: the class's synthetic dispatch method behind an interface.
 * The frame is passed as an {@code Object}: method descriptions, which hold their class's resumer, sit below the
 * frames that point at them, and so cannot name the frame's class. The dispatch method takes a {@link Frame}.
 */
@FunctionalInterface
public interface Resumer {
    /**
     * Re-enters the frame at the call site where it suspended.
     *
     * @param frame the saved {@link Frame}, with its resume value set
     * @return what the method returned, boxed, or a dummy if it suspended again
     * @throws Throwable whatever the method threw
     */
    Object resume(Object frame) throws Throwable;
}
