package dev.tinyio;

import dev.tinyio.internal.StackTraces;
import dev.tinyio.internal.Step;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens when a run fails (docs/semantics.md, "Errors and cancellation"): every active coroutine gets a
 * {@link CancelledError} in insertion order, improper responses are logged, the original error's trace is
 * continued through its chain of single waiters, and the throwable the {@link GroupMode} asks for is built.
 */
final class Cancellation {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");

    private final Scheduler scheduler;
    private final GroupMode mode;
    /** The cancellation errors that escaped, by coroutine: proper responses. */
    private final Map<Coro<?>, Throwable> cancelled = new LinkedHashMap<>();
    /** Errors other than cancellations thrown while being cancelled, in order. */
    private final List<Throwable> others = new ArrayList<>();
    /** Failures that happened at the same time as the original, on other threads: always grouped with it. */
    private final List<Throwable> concurrent = new ArrayList<>();

    Cancellation(Scheduler scheduler, GroupMode mode) {
        this.scheduler = scheduler;
        this.mode = mode;
    }

    /**
     * Cancels everything and builds what {@code run} throws.
     *
     * @param failure how the run failed: the original error, and the coroutine that threw it unless the loop itself
     *     failed
     * @param lastStepped the coroutine the loop stepped most recently, where the stitched chain starts when the loop
     *     itself failed
     * @return never returns normally; declared so that callers can write {@code throw crash(...)}
     */
    RuntimeException crash(Scheduler.Failure failure, Coro<?> lastStepped) {
        if (failure.endedRoot != null) {
            // The root is the oldest coroutine of a run, so its cancellation comes first, as it would have.
            CancelledError fresh = new CancelledError();
            fresh.setStackTrace(failure.endedRoot.suspendedTrace());
            cancelled.put(failure.endedRoot, fresh);
        }
        for (Coro<?> coro : scheduler.activeCoroutines()) {
            cancel(coro);
        }
        Coro<?> chainStart = failure.origin != null ? failure.origin : lastStepped;
        Set<Coro<?>> stitched = stitch(failure.error, failure.origin, chainStart);
        throw Sneaky.<RuntimeException>raise(outcome(failure.error, stitched));
    }

    private void cancel(Coro<?> coro) {
        TraceRecorder recorder = scheduler.loop.recorder();
        if (recorder != null) {
            recorder.cancelled(coro);
        }
        CancelledError error = new CancelledError();
        error.setStackTrace(coro.suspendedTrace());
        int outcome = scheduler.stepCoro(coro, null, error);
        if (recorder != null) {
            recorder.cleanedUp(coro);
        }
        Step out = scheduler.lastStep();
        coro.state = Coro.FAILED;
        scheduler.deactivate(coro);
        if (outcome == Step.THREW && out.concurrentFailure) {
            concurrent.add(out.error);
        } else if (outcome == Step.THREW && out.error instanceof CancelledError) {
            cancelled.put(coro, out.error);
        } else {
            warnImproper(coro, outcome, out, "cancellation");
            if (outcome == Step.THREW) {
                others.add(out.error);
            }
        }
        out.clear();
    }

    /**
     * Appends to the original trace the frames where each coroutine of the chain was suspended: from where the
     * chain starts, up through each coroutine's single waiter, as long as each was cancelled properly (the
     * coroutine that threw the original needs no cancellation of its own).
     *
     * @param origin the coroutine that threw the original, or {@code null}
     * @param start where the chain starts: the origin, or else the last-stepped coroutine
     * @return the coroutines whose cancellations are thereby accounted for
     */
    private Set<Coro<?>> stitch(Throwable original, Coro<?> origin, Coro<?> start) {
        Set<Coro<?>> stitched = Collections.newSetFromMap(new IdentityHashMap<>());
        List<StackTraceElement> appended = new ArrayList<>();
        Coro<?> coro = start;
        while (coro != null && !stitched.contains(coro)) {
            if (coro != origin) {
                Throwable cancellation = cancelled.get(coro);
                if (cancellation == null) {
                    // It had finished, or did not respond properly: nothing of it to append, and the chain ends.
                    break;
                }
                appended.addAll(Arrays.asList(cancellation.getStackTrace()));
            }
            stitched.add(coro);
            List<Waiter> waiters = coro.waiters();
            coro = waiters.size() == 1 ? waiters.get(0).coro : null;
        }
        StackTraces.continueTrace(original, appended, true);
        return stitched;
    }

    private Throwable outcome(Throwable original, Set<Coro<?>> stitched) {
        switch (mode) {
            case NEVER:
                return concurrent.isEmpty() ? original : group(original, List.of(), List.of());
            case AUTO:
                if (others.isEmpty() && concurrent.isEmpty()) {
                    return original;
                }
                return group(original, others, List.of());
            default:
                List<Throwable> interesting = new ArrayList<>();
                List<Throwable> plain = new ArrayList<>();
                cancelled.forEach((coro, error) -> {
                    if (!stitched.contains(coro)) {
                        (error.getCause() != null || error.getStackTrace().length > 1 ? interesting : plain)
                                .add(error);
                    }
                });
                interesting.addAll(plain);
                return group(original, others, interesting);
        }
    }

    private ExceptionGroup group(Throwable original, List<Throwable> errors, List<Throwable> cancellations) {
        List<Throwable> members = new ArrayList<>();
        members.add(original);
        members.addAll(concurrent);
        members.addAll(errors);
        members.addAll(cancellations);
        return new ExceptionGroup("An error occurred running a tinyio loop.\nThe first exception is the original "
                + "error; its stack trace continues through each coroutine that alone waited for the failing one.\n"
                + "The others occurred whilst stopping the other coroutines.", members);
    }

    /**
     * Logs that a coroutine did not let the error thrown into it escape.
     *
     * @param what what the error stood for: "cancellation", or "its timeout"
     */
    static void warnImproper(Coro<?> coro, int outcome, Step out, String what) {
        String did = switch (outcome) {
            case Step.RETURNED -> "returned " + out.value + ".";
            case Step.YIELDED -> out.requestKind == Step.BARE ? "yielded again, with Coro.yield()."
                    : "yielded " + out.request + ".";
            default -> "threw " + out.error + ".";
        };
        LOG.log(Level.WARNING, "Coroutine " + coro + " did not respond properly to " + what + ", and so a resource "
                + "leak may have occurred. The coroutine is expected to let the error thrown into it propagate to "
                + "indicate success in cleaning up resources. Instead, the coroutine " + did,
                outcome == Step.THREW ? out.error : null);
    }
}
