package dev.tinyio.internal.vocabulary;

import dev.tinyio.Coro;

/**
 * Advances one coroutine by one step: to its next yield, its return, or its failure. A fiber steps a user's
 * instrumented body; the runtime's own coroutines (sleeps, waits, the batteries) are steppers written by hand.
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

    /**
     * The coroutine this one works for, when it is one of the runtime's own that a battery runs in the background
     * (a timeout's recorder of its coroutine's result, say) and that nobody waits for: a failure it waited for reads
     * on through the frames of whoever waits for that coroutine, as through its own waiter.
     *
     * @return the coroutine, or {@code null} for a coroutine that others wait for themselves
     */
    default Coro<?> worksFor() {
        return null;
    }
}
