package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.time.Duration;

/**
 * A coroutine that waits, as the body of its {@link Coro}: its first step makes it the loop's internal wait, its
 * second reports how it ended (nothing, for a sleep or an event; a recorded result, for the runtime's own
 * coroutines). Cancelled while waiting, it withdraws from its event. The body is the wait itself, so that a sleeping
 * or awaiting coroutine costs two objects, not three. Written by hand, as the runtime itself is not instrumented.
 */
final class WaitStepper extends Wait implements Stepper {
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

    /** What made the coroutine, for messages. */
    private final String maker;
    /** Its time limit, for messages, or {@code null}. */
    private final Duration limit;
    /** How it ends. */
    private final Outcome outcome;
    /** Whether the wait has been handed to the loop. */
    private boolean waiting;

    /**
     * A waiting coroutine's body.
     *
     * @param event the event waited for, or {@code null} for a pure sleep
     * @param limit its time limit, or {@code null}
     * @param maker what made the coroutine, for messages
     * @param outcome how it ends
     */
    WaitStepper(Event event, Duration limit, String maker, Outcome outcome) {
        super(event, limit == null ? NO_TIMEOUT : Tinyio.nanosOf(limit));
        this.maker = maker;
        this.limit = limit;
        this.outcome = outcome;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            cancel();
            return out.threw(thrown);
        }
        if (!waiting) {
            waiting = true;
            return out.yielded(Step.WAIT, this);
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
