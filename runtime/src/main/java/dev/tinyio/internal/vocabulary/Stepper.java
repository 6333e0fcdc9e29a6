package dev.tinyio.internal.vocabulary;

/**
 * Advances one of the runtime's own coroutines (sleeps, waits, the batteries) by one step: to its next yield, its
 * return, or its failure. Written by hand; a user's instrumented body is stepped by the frame store's fiber.
 */
public interface Stepper {
    /** The suspended trace of a coroutine with no frames of its own. */
    StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    /**
     * Runs the coroutine until it yields, returns or throws.
     *
     * @param value what its pending yield evaluates to
     * @param thrown what its pending yield throws instead, or {@code null}
     * @param out where the outcome goes
     * @return how the step ended
     */
    Step.Outcome step(Object value, Throwable thrown, Step out);

    /**
     * The stack the coroutine is suspended in, innermost first, for stack traces and cancellation errors.
     *
     * @return the elements, empty if it has not started or keeps no frames; the runtime's own coroutines, written
     *     by hand as state machines, keep none
     */
    default StackTraceElement[] suspendedTrace() {
        return NO_FRAMES;
    }
}
