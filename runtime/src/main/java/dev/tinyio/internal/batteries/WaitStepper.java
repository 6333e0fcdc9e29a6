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
 * awaiting coroutine costs two objects, not three; and a sleep or an event's await keeps nothing beside its wait,
 * telling which it is by whether it has a signal, since a program may hold a million of them at once. Written by
 * hand, as the runtime itself is not instrumented.
 */
public class WaitStepper extends Wait implements Stepper {
    /** How one of the runtime's own waiting coroutines ends once its wait is over. */
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
     * The body of {@code Tinyio.sleep} or of {@code Event.await}, which returns nothing.
     *
     * @param signal the event's signal, or {@code null} for a sleep
     * @param timeoutNanos its time limit, as {@link Durations#nanosOf} gives it, or {@link #NO_TIMEOUT}: no
     *     {@code Duration} in the signature, so that the JIT inlines this constructor even in a program that never
     *     loaded that class
     */
    public WaitStepper(Signal signal, long timeoutNanos) {
        super(signal, timeoutNanos);
    }

    /**
     * The body of one of the runtime's own coroutines, which waits for a signal without a time limit and then
     * reports what was recorded meanwhile.
     *
     * @param signal the signal waited for
     * @param maker what made it, for messages
     * @param outcome how it ends
     * @return the body
     */
    static WaitStepper reporting(Signal signal, String maker, Outcome outcome) {
        return new Reporting(signal, maker, outcome);
    }

    @Override
    public final Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            cancel();
            return out.threw(thrown);
        }
        if (!isRegistered()) {
            // Not yet handed to the loop, which registers it at once.
            return out.yielded(Step.Request.WAIT, this);
        }
        return ended(out);
    }

    /** How it ends once its wait is over. */
    Step.Outcome ended(Step out) {
        return out.returned(null);
    }

    /** What made it, for messages. */
    String maker() {
        return hasSource() ? "Event.await" : "Tinyio.sleep";
    }

    @Override
    public final String toString() {
        return maker() + "(" + (timeoutNanos() == NO_TIMEOUT ? "" : Duration.ofNanos(timeoutNanos())) + ")";
    }

    /** A runtime coroutine's wait, which names its maker and ends as it says. */
    private static final class Reporting extends WaitStepper {
        private final String maker;
        private final Outcome outcome;

        Reporting(Signal signal, String maker, Outcome outcome) {
            super(signal, NO_TIMEOUT);
            this.maker = maker;
            this.outcome = outcome;
        }

        @Override
        Step.Outcome ended(Step out) {
            return outcome.report(out);
        }

        @Override
        String maker() {
            return maker;
        }
    }
}
