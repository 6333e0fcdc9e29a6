package dev.tinyio.internal.batteries;

import dev.tinyio.Coro;
import dev.tinyio.Result;
import dev.tinyio.TimeoutError;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.EarlyEnd;
import dev.tinyio.internal.loop.RunControl;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.time.Duration;
import java.util.Set;

/**
 * The body of {@code Tinyio.timeout}: runs the coroutine in the background through a recorder of its result,
 * waits for the recorder or the limit, and on the limit asks the run to end the coroutine early with a
 * {@link TimeoutError} ({@link RunControl#endEarly}), which finishes it for good.
 *
 * @param <T> the type the coroutine returns
 */
public final class TimeoutStepper<T> implements Stepper {
    /** How a timeout is named in recordings and in the warning about an improper response. */
    private static final EarlyEnd.Naming TIMED_OUT = new EarlyEnd.Naming("timed out", "its timeout");

    private final Coro<T> coro;
    private final Duration limit;
    /** Raised when the recorder has the coroutine's result. */
    private final Signal done = new Signal();
    private final Wait wait;
    /** The timeout's own coroutine, learnt at its first step: the recorder works for it. */
    private Coro<?> self;
    private Coro<Void> recorder;
    private boolean waiting;
    private boolean timedOut;
    private boolean finished;
    private T result;

    /**
     * The body of a {@code timeout} coroutine.
     *
     * @param coro the coroutine, run in the background
     * @param limit the time limit
     */
    public TimeoutStepper(Coro<T> coro, Duration limit) {
        this.coro = coro;
        this.limit = limit;
        this.wait = new Wait(done, Durations.nanosOf(limit));
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            wait.cancel();
            return out.threw(thrown);
        }
        if (self == null) {
            return out.yielded(Step.Request.CALL, (RunControl.Action) run -> self = run.asker());
        }
        if (recorder == null) {
            recorder = CoroFields.of(new AwaitStepper(coro, "timeout recorder", new AwaitStepper.Recording() {
                @Override
                public void result(Object value) {
                    record(value);
                }

                @Override
                public Coro<?> worksFor() {
                    return self;
                }
            }));
            return out.yielded(Step.Request.SET, Set.of(recorder));
        }
        if (!waiting) {
            waiting = true;
            return out.yielded(Step.Request.WAIT, wait);
        }
        if (finished) {
            return out.returned(new Result<>(result, null));
        }
        if (!timedOut) {
            timedOut = true;
            return out.yielded(Step.Request.CALL, (RunControl.Action) this::timeOut);
        }
        return out.returned(value);
    }

    /** The limit passed first: the recorder, which will never have a result, ends, and the coroutine times out. */
    private Result<?> timeOut(RunControl run) {
        run.endQuietly(recorder, TIMED_OUT.recorded());
        return run.endEarly(coro, new TimeoutError("The coroutine did not finish within " + limit), TIMED_OUT,
                "The coroutine " + coro + ", which this one waits for, timed out under Tinyio.timeout, so it has no "
                        + "result.");
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
