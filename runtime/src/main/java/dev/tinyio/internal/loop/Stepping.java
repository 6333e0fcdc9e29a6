package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.Fiber;
import dev.tinyio.internal.Frame;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Steps a run's coroutines on its thread's carrier, and throws errors into them: the one place where a coroutine
 * is thrown into at its suspension point and its answer judged, for cancellations, timeouts, invalid yields and
 * orphans alike.
 */
final class Stepping {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");

    /** How a coroutine answered an error thrown into it. */
    enum Answer {
        /** It let an error of the same kind escape, after its cleanup: the proper response. */
        PROPER,
        /** It threw a failure of its own that happened at the same time, on another thread. */
        CONCURRENT_FAILURE,
        /** It threw something else. */
        THREW_OTHER,
        /** It caught the error and returned. */
        RETURNED,
        /** It caught the error and yielded again. */
        YIELDED
    }

    /** The outcome of each step, reused. */
    private final Step out = new Step();
    /** This thread's carrier: whether a coroutine is being stepped, and the suspension it unwinds. */
    private final Carrier carrier;
    /** Whether the run is in debug mode: then fibers resume their whole chain of frames. */
    private final boolean debugging;
    /** What the run's coroutines whose bodies are instrumented code are stepped on. */
    private final Fiber fiber;

    Stepping(Carrier carrier, boolean debugging) {
        this.carrier = carrier;
        this.debugging = debugging;
        this.fiber = new Fiber(carrier);
    }

    /** What the last step yielded, returned or threw. */
    Step out() {
        return out;
    }

    /** Steps one coroutine, with the value its pending yield evaluates to or the throwable it throws instead. */
    Step.Outcome step(Coro<?> coro, Object value, Throwable thrown) {
        // A flag left by an earlier step that ended in a throw out of the loop's own machinery must not leak.
        out.concurrentFailure = false;
        if (thrown != null && CoroFields.resumeWith(coro) != null) {
            dropUndelivered(coro);
        }
        carrier.debugging = debugging;
        Frame suspendedAt = CoroFields.suspendedAt(coro);
        if (suspendedAt == null) {
            Stepper stepper = CoroFields.stepper(coro);
            if (stepper != null) {
                carrier.stepping = false;
                return stepper.step(value, thrown, out);
            }
        }
        return onFiber(coro, suspendedAt, value, thrown);
    }

    /**
     * Throws an error into a coroutine at its suspension point, with the coroutine's suspended stack as the
     * error's trace, and judges the answer; {@link #out} holds what it returned, yielded or threw.
     *
     * @param coro an active coroutine, suspended or not yet started
     * @param error a cancellation or a timeout
     * @return how it answered
     */
    Answer throwInto(Coro<?> coro, Throwable error) {
        error.setStackTrace(CoroFields.suspendedTrace(coro));
        return switch (step(coro, null, error)) {
            case RETURNED -> Answer.RETURNED;
            case YIELDED -> Answer.YIELDED;
            case THREW -> out.concurrentFailure ? Answer.CONCURRENT_FAILURE
                    : error.getClass().isInstance(out.error) ? Answer.PROPER : Answer.THREW_OTHER;
        };
    }

    /**
     * Logs that a coroutine did not let the error thrown into it escape, as {@link #out} shows.
     *
     * @param what what the error stood for: "cancellation", or "its timeout"
     */
    void warnImproper(Coro<?> coro, Answer answer, String what) {
        String did = switch (answer) {
            case RETURNED -> "returned " + out.value + ".";
            case YIELDED -> out.requestIs(Step.Request.BARE) ? "yielded again, with Coro.yield()."
                    : "yielded " + out.request + ".";
            default -> "threw " + out.error + ".";
        };
        boolean threw = answer != Answer.RETURNED && answer != Answer.YIELDED;
        LOG.log(Level.WARNING, "Coroutine " + coro + " did not respond properly to " + what + ", and so a resource "
                + "leak may have occurred. The coroutine is expected to let the error thrown into it propagate to "
                + "indicate success in cleaning up resources. Instead, the coroutine " + did,
                threw ? out.error : null);
    }

    /**
     * A step of a coroutine whose body is instrumented code: its first, or a resume from the frames it saved. A
     * coroutine that suspends keeps only its frames, the innermost in its record; one that ends keeps none.
     */
    private Step.Outcome onFiber(Coro<?> coro, Frame suspendedAt, Object value, Throwable thrown) {
        carrier.stepping = true;
        Step.Outcome outcome;
        try {
            outcome = suspendedAt != null ? fiber.resume(suspendedAt, value, thrown, out)
                    : fiber.start(CoroFields.body(coro), thrown, out);
        } catch (RuntimeException | Error machineryFailure) {
            // Thrown by the frame store itself, not by the coroutine's code (which a step catches): the frames it
            // left mid-step can never be resumed, and a cancellation must not re-enter them.
            if (suspendedAt != null) {
                CoroFields.ended(coro);
            }
            throw machineryFailure;
        } finally {
            carrier.stepping = false;
        }
        if (outcome == Step.Outcome.YIELDED) {
            Frame top = fiber.suspendedAt(suspendedAt);
            // A frame re-entered that suspends again is saved in place: most yields leave the record as it was.
            if (top != suspendedAt) {
                if (suspendedAt == null) {
                    // Named while its body is still there to name it by: from now on its frames stand in its place.
                    coro.name();
                }
                CoroFields.suspendedAt(coro, top);
            }
        } else if (suspendedAt != null) {
            CoroFields.ended(coro);
        }
        return outcome;
    }

    /** The run ended: the thread keeps none of its frames. */
    void runEnded() {
        carrier.forgetUnwound();
    }

    /**
     * A coroutine is thrown into while queued to resume: the value it was to resume with never reaches it, and is
     * told so if it must be, alone or as a member of a gathered list.
     */
    private static void dropUndelivered(Coro<?> coro) {
        Object value = CoroFields.resumeWith(coro);
        CoroFields.resumeWith(coro, null);
        if (value instanceof Undeliverable undelivered) {
            undelivered.undelivered();
        } else if (value instanceof List<?> gathered) {
            for (Object member : gathered) {
                if (member instanceof Undeliverable undelivered) {
                    undelivered.undelivered();
                }
            }
        }
    }
}
