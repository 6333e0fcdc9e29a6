package dev.tinyio.internal.loop;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.CoroState;
import java.util.List;

/**
 * The coroutines of one run: those it knows, in the order it first saw them, and how the loop ends one outside its
 * own step (failed, thrown into, ended early), telling the run's observer.
 */
final class RunCoroutines {
    /** The loop whose run this is; it owns every coroutine started here. */
    private final LoopCore loop;
    /** The unfinished coroutines the run knows, in insertion order. */
    private final ActiveCoroutines active = new ActiveCoroutines();
    /** How coroutines are stepped and thrown into. */
    private final Stepping stepping;

    RunCoroutines(LoopCore loop, Stepping stepping) {
        this.loop = loop;
        this.stepping = stepping;
    }

    LoopCore loop() {
        return loop;
    }

    /**
     * Who observes the run, {@link LoopObserver#NONE} if no one; read at each use, as recording may start or stop
     * during a run.
     */
    LoopObserver observer() {
        return loop.observer();
    }

    /** The loop sees a new coroutine: it owns it from now on. */
    void activate(Coro<?> coro) {
        NeverYielded.yielded(coro);
        CoroFields.own(coro, loop);
        CoroFields.state(coro, CoroState.ACTIVE);
        active.add(coro);
    }

    /** A coroutine is no longer active: finished, failed, cancelled or ended early. */
    void deactivate(Coro<?> coro) {
        active.remove(coro);
        WaitFields.notWaiting(coro);
    }

    boolean isEmpty() {
        return active.isEmpty();
    }

    /** The active coroutines, in insertion order, as a list of their own. */
    List<Coro<?>> inOrder() {
        return active.inOrder();
    }

    /**
     * A coroutine failed: it ends, and the run fails with what it threw.
     *
     * @return the failure to throw
     */
    Failure fail(Coro<?> coro, Throwable error) {
        observer().failed(coro, error);
        CoroFields.state(coro, CoroState.FAILED);
        deactivate(coro);
        return new Failure(coro, error);
    }

    /** Marks on the coroutine's track, if recording, how it ended outside its own step. */
    void recordEnd(Coro<?> coro, String how) {
        observer().ended(coro, how);
    }

    /**
     * Throws a {@link CancelledError} into a coroutine at its suspension point, as tinyio's {@code _throw}: the
     * run then fails with it, or, if the coroutine did not let it escape, with a new one caused by what it did.
     *
     * @return the failure to throw
     */
    Failure cancel(Coro<?> coro, String message) {
        Stepping.Answer answer = stepping.throwInto(coro, new CancelledError(message));
        Throwable escaped = stepping.out().error;
        if (answer == Stepping.Answer.PROPER) {
            return fail(coro, escaped);
        }
        stepping.warnImproper(coro, answer, "cancellation");
        CancelledError replacement = new CancelledError(message);
        if (answer != Stepping.Answer.RETURNED && answer != Stepping.Answer.YIELDED) {
            replacement.initCause(escaped);
        }
        return fail(coro, replacement);
    }
}
