package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.time.Duration;

/**
 * The body of a coroutine that waits: its first step makes the loop's internal wait, its second reports how it
 * ended (nothing, for a sleep or an event; a recorded result, for the runtime's own coroutines). Cancelled while
 * waiting, it withdraws the wait from its event. Written by hand, as the runtime itself is not instrumented.
 */
final class WaitStepper implements Stepper {
    /** How a waiting coroutine ends once its wait is over. */
    @FunctionalInterface
    interface Outcome {
        /**
         * Reports the end.
         *
         * @param out where the outcome goes
         * @return {@link Step#RETURNED} or {@link Step#THREW}
         */
        int report(Step out);
    }

    /** The outcome of a plain wait: it returns nothing. */
    static final Outcome NOTHING = out -> out.returned(null);

    /** The wait it makes. */
    private final Wait wait;
    /** What made the coroutine, for messages. */
    private final String maker;
    /** Its time limit, for messages, or {@code null}. */
    private final Duration limit;
    /** How it ends. */
    private final Outcome outcome;
    /** Whether the wait has been handed to the loop. */
    private boolean waiting;

    WaitStepper(Wait wait, String maker, Duration limit, Outcome outcome) {
        this.wait = wait;
        this.maker = maker;
        this.limit = limit;
        this.outcome = outcome;
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
        return outcome.report(out);
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
