package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.Fiber;
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
    /** This thread's pointer to the fiber being stepped. */
    private final Carrier carrier;
    /** Whether the run is in debug mode: then fibers resume their whole chain of frames. */
    private final boolean debugging;
    /** The fiber the next new coroutine starts on, or {@code null} if one is to be made. */
    private Fiber spareFiber;

    Stepping(Carrier carrier, boolean debugging) {
        this.carrier = carrier;
        this.debugging = debugging;
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
        Stepper stepper = CoroFields.stepper(coro);
        if (stepper == null) {
            return start(coro, thrown);
        }
        carrier.fiber = stepper instanceof Fiber fiber ? fiber : null;
        try {
            return stepper.step(value, thrown, out);
        } finally {
            carrier.fiber = null;
        }
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
            case YIELDED -> out.requestKind() == Step.Request.BARE ? "yielded again, with Coro.yield()."
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
     * The first step of a user's body, on the spare fiber: the coroutine keeps it only if the body suspends, so a
     * coroutine that runs to its end in one step costs no fiber of its own. Cancelled before it ever ran, the body
     * runs none of its code.
     */
    private Step.Outcome start(Coro<?> coro, Throwable thrown) {
        Fiber fiber = spareFiber;
        // Taken while in use: a nested step of this run, from inside the body, takes a fresh one.
        spareFiber = null;
        if (fiber == null) {
            fiber = new Fiber(carrier);
        }
        fiber.startNext(CoroFields.body(coro));
        carrier.fiber = fiber;
        Step.Outcome outcome;
        try {
            outcome = fiber.step(null, thrown, out);
        } finally {
            carrier.fiber = null;
        }
        if (outcome == Step.Outcome.YIELDED) {
            // Named while its body is still there to name it by: from now on a fiber stands in its place.
            coro.name();
            CoroFields.keep(coro, fiber);
        } else {
            spareFiber = fiber;
        }
        return outcome;
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
