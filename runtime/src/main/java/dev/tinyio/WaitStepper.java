package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;

/**
 * The body of a coroutine that waits: its first step makes the loop's internal wait, its second returns. Written
 * by hand, as the runtime itself is not instrumented.
 */
final class WaitStepper implements Stepper {
    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    /** The wait to make, until it has been made. */
    private Wait wait;

    WaitStepper(Wait wait) {
        this.wait = wait;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            wait = null;
            return out.threw(thrown);
        }
        if (wait != null) {
            Wait first = wait;
            wait = null;
            return out.yielded(Step.WAIT, first);
        }
        return out.returned(null);
    }

    @Override
    public StackTraceElement[] suspendedTrace() {
        return NO_FRAMES;
    }

    @Override
    public String toString() {
        return "sleep";
    }
}
