package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;

/**
 * The body of {@link Tinyio#copy}: schedules the coroutine on the current loop through a recorder, and returns a
 * fresh coroutine that waits for the recording and returns the same result (the same object), or throws the same
 * exception. The fresh one may run in another loop, such as an isolate's.
 */
final class CopyStepper<T> implements Stepper {
    private final Coro<T> coro;
    /** Raised once the original has finished or failed. */
    private final Event recorded = new Event();
    private volatile T result;
    private volatile Throwable failure;
    private boolean scheduled;

    CopyStepper(Coro<T> coro) {
        this.coro = coro;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            return out.threw(thrown);
        }
        if (!scheduled) {
            scheduled = true;
            return out.yielded(Step.SET, java.util.Set.of(new Coro<>(new AwaitStepper(coro, "copy recorder",
                    this::record, this::recordFailure))));
        }
        return out.returned(new Coro<T>(new WaitStepper(recorded, null, new WaitStepper.Kind("Tinyio.copy",
                result -> failure != null ? result.threw(failure) : result.returned(this.result)))));
    }

    @Override
    public String toString() {
        return "Tinyio.copy(" + coro + ")";
    }

    @SuppressWarnings("unchecked")
    private void record(Object value) {
        result = (T) value;
        recorded.set();
    }

    private void recordFailure(Throwable thrownIn) {
        failure = thrownIn;
        recorded.set();
    }
}
