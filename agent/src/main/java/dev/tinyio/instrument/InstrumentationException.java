package dev.tinyio.instrument;

/** A class cannot be instrumented; the message names the class, the method and the remedy. */
public class InstrumentationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure to instrument.
     *
     * @param message what cannot be instrumented and what to do about it
     */
    public InstrumentationException(String message) {
        super(message);
    }

    /**
     * A failure to instrument caused by another error.
     *
     * @param message what cannot be instrumented
     * @param cause the underlying error
     */
    public InstrumentationException(String message, Throwable cause) {
        super(message, cause);
    }
}
