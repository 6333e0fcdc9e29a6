package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;

/**
 * The body of a coroutine that waits: its first step makes the loop's internal wait, its second returns.
 * Cancelled while waiting, it withdraws the wait from its event. Written by hand, as the runtime itself is not
 * instrumented.
 */
final class WaitStepper implements Stepper {
    /** The wait it makes. */
    private final Wait wait;
    /** What the coroutine is, for messages. */
    private final String name;
    /** Whether the wait has been handed to the loop. */
    private boolean waiting;

    WaitStepper(Wait wait, String name) {
        this.wait = wait;
        this.name = name;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            wait.cancel();
            return out.threw(thrown);
        }
        if (!waiting) {
            waiting = true;
            return out.yielded(Step.WAIT, wait);
        }
        return out.returned(null);
    }

    @Override
    public StackTraceElement[] suspendedTrace() {
        return NativeSteppers.NO_FRAMES;
    }

    @Override
    public String toString() {
        return name;
    }
}
