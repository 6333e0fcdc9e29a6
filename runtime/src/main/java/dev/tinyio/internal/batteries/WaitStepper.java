package dev.tinyio.internal.batteries;

import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.time.Duration;

/**
 * A coroutine that waits, as the body of its {@code Coro}: its first step makes it the loop's wait, its second
 * reports how it ended (nothing, for a sleep or an event; a recorded result, for the runtime's own coroutines).
 * Cancelled while waiting, it withdraws from its signal. The body is the wait itself, so that a sleeping or
 * awaiting coroutine costs two objects, not three. Written by hand, as the runtime itself is not instrumented.
 */
public final class WaitStepper extends Wait implements Stepper {
    /** How a waiting coroutine ends once its wait is over. */
    @FunctionalInterface
    public interface Outcome {
        /**
         * Reports the end.
         *
         * @param out where the outcome goes
         * @return {@link Step.Outcome#RETURNED} or {@link Step.Outcome#THREW}
         */
        Step.Outcome report(Step out);
    }

    /**
     * What made a waiting coroutine, for messages, and how it ends: shared by every sleep and every event wait.
     *
     * @param maker the method that made it
     * @param outcome how it ends
     */
    public record Kind(String maker, Outcome outcome) {
    }

    /** The outcome of a plain wait: it returns nothing. */
    private static final Outcome NOTHING = out -> out.returned(null);
    /** {@code Tinyio.sleep}. */
    public static final Kind SLEEP = new Kind("Tinyio.sleep", NOTHING);
    /** {@code Event.await}. */
    public static final Kind EVENT_AWAIT = new Kind("Event.await", NOTHING);

    /** What made it and how it ends. */
    private final Kind kind;

    /**
     * A waiting coroutine's body.
     *
     * @param signal the signal waited for, or {@code null} for a pure sleep
     * @param timeoutNanos its time limit, as {@link Durations#nanosOf} gives it, or {@link #NO_TIMEOUT}: no
     *     {@code Duration} in the signature, so that the JIT inlines this constructor even in a program that never
     *     loaded that class
     * @param kind what made it and how it ends
     */
    public WaitStepper(Signal signal, long timeoutNanos, Kind kind) {
        super(signal, timeoutNanos);
        this.kind = kind;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            cancel();
            return out.threw(thrown);
        }
        if (!isRegistered()) {
            // Not yet handed to the loop, which registers it at once.
            return out.yielded(Step.Request.WAIT, this);
        }
        return kind.outcome().report(out);
    }

    @Override
    public String toString() {
        return kind.maker() + "(" + (timeoutNanos() == NO_TIMEOUT ? "" : Duration.ofNanos(timeoutNanos())) + ")";
    }
}
