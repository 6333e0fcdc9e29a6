package dev.tinyio;

import dev.tinyio.internal.batteries.Durations;
import dev.tinyio.internal.batteries.WaitStepper;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import java.time.Duration;
import java.util.Objects;

/**
 * A flag that coroutines wait for. {@link #set} wakes every current waiter, from any thread, and wakes the loop at
 * once; {@link #clear} resets the flag for later waits (a wait already woken stays woken, since each
 * {@link #await()} is its own coroutine).
 */
public final class Event {
    /** The flag and its waits. */
    private final Signal signal = new Signal();

    /** An event whose flag is down. */
    public Event() {
    }

    /** Raises the flag and wakes every coroutine waiting for it. Safe to call from any thread. */
    public void set() {
        signal.set();
    }

    /** Lowers the flag: later waits wait for the next {@link #set}. Safe to call from any thread. */
    public void clear() {
        signal.clear();
    }

    /**
     * Whether the flag is up.
     *
     * @return true between a {@link #set} and the next {@link #clear}
     */
    public boolean isSet() {
        return signal.isSet();
    }

    /**
     * A coroutine that waits until the flag is up: at once if it already is when the coroutine starts.
     *
     * @return the coroutine
     */
    public Coro<Void> await() {
        return CoroFields.of(new WaitStepper(signal, Wait.NO_TIMEOUT));
    }

    /**
     * A coroutine that waits until the flag is up or the timeout passes, whichever is first; it does not say which.
     *
     * @param timeout how long to wait at most; zero or negative waits for the next turn of the loop's timers
     * @return the coroutine
     */
    public Coro<Void> await(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return CoroFields.of(new WaitStepper(signal, Durations.nanosOf(timeout)));
    }

    @Override
    public String toString() {
        return "Event[" + (signal.isSet() ? "set" : "clear") + ", " + signal.waiting() + " waiting]";
    }
}
