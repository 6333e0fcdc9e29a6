package dev.tinyio.internal.batteries;

import dev.tinyio.Coro;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.Set;

/**
 * The body of {@code Tinyio.copy}: schedules the coroutine on the current loop through a recorder, and returns a
 * fresh coroutine that waits for the recording and returns the same result (the same object), or throws the same
 * exception. The fresh one may run in another loop, such as an isolate's.
 *
 * @param <T> the type the coroutine returns
 */
public final class CopyStepper<T> implements Stepper {
    private final Coro<T> coro;
    /** Raised once the original has finished or failed. */
    private final Signal recorded = new Signal();
    private volatile T result;
    private volatile Throwable failure;
    private boolean scheduled;

    /**
     * The body of a {@code copy} coroutine.
     *
     * @param coro the coroutine to copy
     */
    public CopyStepper(Coro<T> coro) {
        this.coro = coro;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            return out.threw(thrown);
        }
        if (!scheduled) {
            scheduled = true;
            Coro<Void> recorder = CoroFields.of(new AwaitStepper(coro, "copy recorder", new AwaitStepper.Recording() {
                @Override
                public void result(Object value) {
                    record(value);
                }

                @Override
                public void thrownIn(Throwable error) {
                    recordFailure(error);
                }
            }));
            return out.yielded(Step.Request.SET, Set.of(recorder));
        }
        return out.returned(CoroFields.<T>of(WaitStepper.reporting(recorded, "Tinyio.copy",
                result -> failure != null ? result.threw(failure) : result.returned(this.result))));
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
