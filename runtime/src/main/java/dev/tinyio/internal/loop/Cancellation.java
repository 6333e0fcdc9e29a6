package dev.tinyio.internal.loop;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.internal.StackTraces;
import dev.tinyio.internal.vocabulary.CoroState;
import dev.tinyio.internal.vocabulary.Sneaky;
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
    private final RunCoroutines coroutines;
    private final Stepping stepping;
    private final GroupMode mode;
    /** The cancellation errors that escaped, by coroutine: proper responses. */
    private final Map<Coro<?>, Throwable> cancelled = new LinkedHashMap<>();
    /** Errors other than cancellations thrown while being cancelled, in order. */
    private final List<Throwable> others = new ArrayList<>();
    /** Failures that happened at the same time as the original, on other threads: always grouped with it. */
    private final List<Throwable> concurrent = new ArrayList<>();

    Cancellation(RunCoroutines coroutines, Stepping stepping, GroupMode mode) {
        this.coroutines = coroutines;
        this.stepping = stepping;
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
    RuntimeException crash(Failure failure, Coro<?> lastStepped) {
        if (failure.endedRoot != null) {
            // The root is the oldest coroutine of a run, so its cancellation comes first, as it would have.
            CancelledError fresh = new CancelledError();
            fresh.setStackTrace(CoroFields.suspendedTrace(failure.endedRoot));
            cancelled.put(failure.endedRoot, fresh);
        }
        Coro<?> chainStart = failure.origin != null ? failure.origin : lastStepped;
        // Only a group in ALWAYS mode holds every cancellation; otherwise only the chain's are read, and a run of a
        // million coroutines must not keep a million errors with their traces.
        Set<Coro<?>> kept = mode == GroupMode.ALWAYS ? null : WaitChain.from(chainStart);
        List<Coro<?>> active = coroutines.inOrder();
        for (Coro<?> coro : active) {
            if (CoroFields.stepper(coro) instanceof Forewarned forewarned) {
                forewarned.cancellationComing();
            }
        }
        for (Coro<?> coro : active) {
            cancel(coro, kept);
        }
        Set<Coro<?>> stitched = stitch(failure.error, failure.origin, chainStart);
        throw Sneaky.<RuntimeException>raise(outcome(failure.error, stitched));
    }

    /** Cancels one coroutine, keeping its cancellation error if it is one of {@code kept}, or if that is null. */
    private void cancel(Coro<?> coro, Set<Coro<?>> kept) {
        LoopObserver observer = coroutines.observer();
        observer.cancelled(coro);
        Stepping.Answer answer = stepping.throwInto(coro, new CancelledError());
        observer.cleanedUp(coro);
        Throwable escaped = stepping.out().error;
        CoroFields.state(coro, CoroState.FAILED);
        coroutines.deactivate(coro);
        switch (answer) {
            case CONCURRENT_FAILURE -> concurrent.add(escaped);
            case PROPER -> {
                if (kept == null || kept.contains(coro)) {
                    cancelled.put(coro, escaped);
                }
            }
            default -> {
                stepping.warnImproper(coro, answer, "cancellation");
                if (answer == Stepping.Answer.THREW_OTHER) {
                    others.add(escaped);
                }
            }
        }
        stepping.out().clear();
    }

    /**
     * Appends to the original trace the frames where each coroutine of the chain was suspended: from where the
     * chain starts, up through each coroutine's single waiter ({@link WaitChain}), as long as each was cancelled
     * properly (the coroutine that threw the original needs no cancellation of its own).
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
            coro = WaitChain.next(coro);
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
}
