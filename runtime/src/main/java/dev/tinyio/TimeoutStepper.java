package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.time.Duration;

/**
 * The body of {@link Tinyio#timeout}: runs the coroutine in the background through a wrapper that records its
 * result, waits for the wrapper or the limit, and on the limit has the loop throw a {@link TimeoutError} into the
 * coroutine ({@link Step#TIME_OUT}), which finishes it for good.
 */
final class TimeoutStepper<T> implements Stepper {
    /** What the loop needs to time a coroutine out. */
    record TimeOut<T>(Coro<T> coro, Coro<?> wrapper, TimeoutError error) {
    }

    private final Coro<T> coro;
    private final Duration limit;
    private final Event done = new Event();
    private final Wait wait;
    private Coro<Void> wrapper;
    private boolean waiting;
    private boolean timedOut;
    private boolean finished;
    private T result;

    TimeoutStepper(Coro<T> coro, Duration limit) {
        this.coro = coro;
        this.limit = limit;
        this.wait = new Wait(done, Tinyio.nanosOf(limit));
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            wait.cancel();
            return out.threw(thrown);
        }
        if (wrapper == null) {
            wrapper = new Coro<>(new AwaitStepper(coro, "timeout recorder", this::record,
                    AwaitStepper.IGNORE_CANCELLATION));
            return out.yielded(Step.SET, java.util.Set.of(wrapper));
        }
        if (!waiting) {
            waiting = true;
            return out.yielded(Step.WAIT, wait);
        }
        if (finished) {
            return out.returned(new Result<>(result, null));
        }
        if (!timedOut) {
            timedOut = true;
            return out.yielded(Step.TIME_OUT, new TimeOut<>(coro, wrapper,
                    new TimeoutError("The coroutine did not finish within " + limit)));
        }
        return out.returned(value);
    }

    @Override
    public String toString() {
        return "Tinyio.timeout(" + coro + ", " + limit + ")";
    }

    @SuppressWarnings("unchecked")
    private void record(Object value) {
        result = (T) value;
        finished = true;
        done.set();
    }
}
