package dev.tinyio;

/**
 * Thrown into a coroutine that ran out of time under {@code Tinyio.timeout}. An {@link Error}, like
 * {@link CancelledError}, so that {@code catch (Exception e)} does not swallow it.
 */
public class TimeoutError extends Error {
    private static final long serialVersionUID = 1L;

    /** A timeout without a message. */
    public TimeoutError() {
        super();
    }

    /**
     * A timeout that says which limit passed.
     *
     * @param message what timed out
     */
    public TimeoutError(String message) {
        super(message);
    }
}
