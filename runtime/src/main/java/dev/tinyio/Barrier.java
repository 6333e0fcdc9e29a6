package dev.tinyio;

import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;

/** Holds coroutines back until a number of them have arrived, then lets them all through. */
public final class Barrier {
    private final int parties;
    /** Raised when the last party arrives. */
    private final Signal allArrived = new Signal();
    /** Arrivals so far; guarded by {@code this}. */
    private int arrived;

    /**
     * A barrier.
     *
     * @param parties how many coroutines must arrive before any goes through
     * @throws IllegalArgumentException if {@code parties} is not positive
     */
    public Barrier(int parties) {
        if (parties <= 0) {
            throw new IllegalArgumentException("A Barrier needs a positive number of parties, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * A coroutine that arrives at the barrier when it starts, waits until all parties have arrived, and returns
     * its arrival index (0 for the first).
     *
     * @return the coroutine
     */
    public Coro<Integer> await() {
        return CoroFields.of(new Arrival());
    }

    private synchronized int arrive() {
        int index = arrived++;
        if (arrived == parties) {
            allArrived.set();
        }
        return index;
    }

    /** The body of {@link #await()}. */
    private final class Arrival implements Stepper {
        private final Wait wait = new Wait(allArrived, Wait.NO_TIMEOUT);
        private int index = -1;

        @Override
        public Step.Outcome step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                wait.cancel();
                return out.threw(thrown);
            }
            if (index < 0) {
                index = arrive();
                return out.yielded(Step.Request.WAIT, wait);
            }
            return out.returned(index);
        }

        @Override
        public String toString() {
            return "Barrier.await()";
        }
    }
}
