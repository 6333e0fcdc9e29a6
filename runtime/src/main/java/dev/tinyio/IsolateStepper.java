package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;

/**
 * The body of {@link Tinyio#isolate}: runs a coroutine in a nested loop, one inner step per outer step, so both
 * loops make progress together. While the inner loop is blocked, the isolating coroutine waits in the outer loop
 * for the inner loop's next wake-up or deadline, with no thread parked. A failure inside comes back as a
 * {@link Result}; cancelled from outside, it cancels everything inside and throws what the nested run throws.
 */
final class IsolateStepper<T> implements Stepper {
    private final Coro<T> coro;
    private final GroupMode mode;
    /** Raised by the inner loop when something wakes it from outside its own steps. */
    private final Event innerWoken = new Event();
    private Loop.Run<T> inner;
    /** The outer wait while the inner loop is blocked, or {@code null}. */
    private Wait waiting;
    /** The loop that started it, which encloses the nested one. */
    private Loop outer;
    /** Where the outer loop records, so that the coroutines inside get tracks too; {@code null} for none. */
    private TraceRecorder recorder;

    IsolateStepper(Coro<T> coro, GroupMode mode) {
        this.coro = coro;
        this.mode = mode;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
        if (thrown != null) {
            return cancelInside(thrown, out);
        }
        try {
            if (inner == null) {
                inner = new Loop(outer).recordTo(recorder).start(coro, mode);
                inner.onWakeUp(innerWoken::set);
            }
            innerWoken.clear();
            boolean stepped = inner.step();
            if (inner.isFinished()) {
                return out.returned(new Result<>(inner.result(), null));
            }
            if (stepped) {
                return out.yielded(Step.BARE, null);
            }
            long deadline = inner.wakeUpDeadline();
            long timeout = deadline == Long.MAX_VALUE ? Wait.NO_TIMEOUT : Math.max(0, deadline - System.nanoTime());
            waiting = new Wait(innerWoken, timeout);
            return out.yielded(Step.WAIT, waiting);
        } catch (Exception failed) {
            return out.returned(new Result<>(null, failed));
        } catch (Error error) {
            // Not caught, but the isolating coroutine's own failure: the outer loop stitches and groups it as such.
            return out.threw(error);
        }
    }

    /** The outer loop started it: the nested loop is enclosed by it, and records where it does. */
    void startedIn(Loop loop) {
        this.outer = loop;
        this.recorder = loop.recorder();
    }

    /**
     * Cancelled from outside: the nested run fails with the cancellation as its original error, cancels everything
     * inside, and throws what its mode says, which is what this coroutine throws, as tinyio's isolate does. That is
     * the {@link CancelledError} alone, a proper response, or an {@link ExceptionGroup} headed by it, which the
     * outer loop takes for an improper one: a warning, and a member of the outer group.
     */
    private int cancelInside(Throwable cancellation, Step out) {
        Throwable thrown = cancellation;
        if (inner != null) {
            try {
                inner.abort(cancellation);
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
