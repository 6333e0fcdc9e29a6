package dev.tinyio;

/**
 * A coroutine tried to suspend through code that cannot suspend: a method that was not instrumented, a frame
 * holding a monitor, a constructor. The message names the frame and the fix. Never silent misbehaviour.
 */
public class NotInstrumentedError extends Error {
    private static final long serialVersionUID = 1L;

    /**
     * An error naming the frame that cannot suspend and how to fix it.
     *
     * @param message the frame and the remedy
     */
    public NotInstrumentedError(String message) {
        super(message);
    }
}
