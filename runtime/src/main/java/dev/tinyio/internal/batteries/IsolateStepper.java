package dev.tinyio.internal.batteries;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Result;
import dev.tinyio.internal.StackTraces;
import dev.tinyio.internal.loop.AlreadyStarted;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.LoopCore;
import dev.tinyio.internal.loop.LoopRun;
import dev.tinyio.internal.loop.RunControl;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.CoroState;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;

/**
 * The body of {@code Tinyio.isolate}: runs a coroutine in a nested loop, one inner step per outer step, so both
 * loops make progress together. While the inner loop is blocked, the isolating coroutine waits in the outer loop
 * for the inner loop's next wake-up or deadline, with no thread parked. A failure inside comes back as a
 * {@link Result}; cancelled from outside, it cancels everything inside and throws what the nested run throws.
 *
 * @param <T> the type the isolated coroutine returns
 */
public final class IsolateStepper<T> implements Stepper {
    private final Coro<T> coro;
    private final GroupMode mode;
    /** Raised by the inner loop when something wakes it from outside its own steps. */
    private final Signal innerWoken = new Signal();
    /** The nested loop, enclosed by the loop that runs this coroutine; made at the first step. */
    private LoopCore innerLoop;
    private LoopRun inner;
    /** The outer wait while the inner loop is blocked, or {@code null}. */
    private Wait waiting;
    /** Whether the nested run failed, and this coroutine's next step returns the failed result. */
    private boolean failed;

    /**
     * The body of an {@code isolate} coroutine.
     *
     * @param coro the coroutine to run in a nested loop
     * @param mode what the nested loop throws on failure
     */
    public IsolateStepper(Coro<T> coro, GroupMode mode) {
        this.coro = coro;
        this.mode = mode;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
        if (thrown != null) {
            return cancelInside(thrown, out);
        }
        if (innerLoop == null) {
            return out.yielded(Step.Request.CALL, (RunControl.Action) this::enclosedBy);
        }
        if (failed) {
            return out.returned(value);
        }
        try {
            if (inner == null) {
                inner = start();
            }
            innerWoken.clear();
            boolean stepped = inner.advance();
            if (inner.isFinished()) {
                return out.returned(new Result<>(inner.result(), null));
            }
            if (stepped) {
                return out.yielded(Step.Request.BARE, null);
            }
            long deadline = inner.wakeUpDeadline();
            long timeout = deadline == Long.MAX_VALUE ? Wait.NO_TIMEOUT : Math.max(0, deadline - System.nanoTime());
            waiting = new Wait(innerWoken, timeout);
            return out.yielded(Step.Request.WAIT, waiting);
        } catch (Exception failure) {
            failed = true;
            return out.yielded(Step.Request.CALL, (RunControl.Action) run -> readsOn(run, failure));
        } catch (Error error) {
            // Not caught, but the isolating coroutine's own failure: the outer loop stitches and groups it as such.
            return out.threw(error);
        }
    }

    /** The nested loop is enclosed by the loop that runs this coroutine, and observed by its observer. */
    private Object enclosedBy(RunControl run) {
        innerLoop = new LoopCore(run.loop());
        innerLoop.observe(run.loop().observer());
        return null;
    }

    /**
     * The failure of the nested run, as the isolate hands it back: its trace reads on through the frames of whoever
     * waits for the isolate, as a failure that crashes a loop does through whoever waits for the failing coroutine.
     */
    private static Result<Object> readsOn(RunControl run, Exception failure) {
        StackTraces.continueTrace(failure, run.framesAbove(run.asker()), true);
        return new Result<>(null, failure);
    }

    /** The nested run; a coroutine that is not new fails it at once, as {@code Loop.start} would. */
    private LoopRun start() {
        if (CoroFields.state(coro) != CoroState.NEW) {
            throw new IllegalArgumentException(AlreadyStarted.message(innerLoop, coro));
        }
        LoopRun run = LoopRun.start(innerLoop, coro, mode, () -> { });
        run.onWakeUp(innerWoken::set);
        return run;
    }

    /**
     * Cancelled from outside: the nested run fails with the cancellation as its original error, cancels everything
     * inside, and throws what its mode says, which is what this coroutine throws, as tinyio's isolate does. That is
     * the {@link CancelledError} alone, a proper response, or an {@link ExceptionGroup} headed by it, which the
     * outer loop takes for an improper one: a warning, and a member of the outer group.
     */
    private Step.Outcome cancelInside(Throwable cancellation, Step out) {
        Throwable thrown = cancellation;
        if (inner != null) {
            try {
                throw inner.abort(cancellation);
            } catch (Throwable whatTheRunThrows) {
                thrown = whatTheRunThrows;
            }
        }
        return out.threw(thrown);
    }

    @Override
    public String toString() {
        return "Tinyio.isolate(" + coro + ")";
    }
}
