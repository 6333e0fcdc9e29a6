package dev.tinyio;

/**
 * Thrown into a coroutine at its suspension point when the loop cancels it. A coroutine responds properly by
 * letting it (any instance) escape after its cleanup has run.
 *
 * <p>It is an {@link Error} on purpose: a user's {@code catch (Exception e)} must not swallow a cancellation.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** A cancellation without a message. */
    public CancelledError() {
        super();
    }

    /**
     * A cancellation that says why.
     *
     * @param message why the coroutine is being cancelled
     */
    public CancelledError(String message) {
        super(message);
    }
}
