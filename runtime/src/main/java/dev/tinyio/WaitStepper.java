package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.time.Duration;

/**
 * The body of a coroutine that waits: its first step makes the loop's internal wait, its second returns.
 * Cancelled while waiting, it withdraws the wait from its event. Written by hand, as the runtime itself is not
 * instrumented.
 */
final class WaitStepper implements Stepper {
    /** The wait it makes. */
    private final Wait wait;
    /** What made the coroutine, for messages. */
    private final String maker;
    /** Its time limit, for messages, or {@code null}. */
    private final Duration limit;
    /** Whether the wait has been handed to the loop. */
    private boolean waiting;

    WaitStepper(Wait wait, String maker, Duration limit) {
        this.wait = wait;
        this.maker = maker;
        this.limit = limit;
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
        return maker + "(" + (limit == null ? "" : limit) + ")";
    }
}
