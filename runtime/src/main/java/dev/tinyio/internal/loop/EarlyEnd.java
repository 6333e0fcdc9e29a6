package dev.tinyio.internal.loop;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Result;
import dev.tinyio.internal.vocabulary.CoroState;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * Ends a coroutine early, for good, on behalf of a battery ({@link RunControl#endEarly}): the error thrown in, the
 * coroutine finished, and what only it was waiting for cancelled, so that nothing hangs afterwards.
 */
public final class EarlyEnd {
    /**
     * How an early end is named.
     *
     * @param recorded the mark on the coroutine's track, such as "timed out"
     * @param thrownIn what the error thrown in stands for, in the warning about an improper response, such as
     *     "its timeout"
     */
    public record Naming(String recorded, String thrownIn) {
    }

    private final RunCoroutines coroutines;
    private final Stepping stepping;

    EarlyEnd(RunCoroutines coroutines, Stepping stepping) {
        this.coroutines = coroutines;
        this.stepping = stepping;
    }

    /** See {@link RunControl#endEarly}. */
    Result<?> end(Coro<?> coro, Throwable error, Naming how, String waitersMessage) {
        CoroState state = CoroFields.state(coro);
        if (state == CoroState.DONE) {
            return new Result<>(CoroFields.result(coro), null);
        }
        if (state != CoroState.ACTIVE) {
            CoroFields.own(coro, coroutines.loop());
            CoroFields.state(coro, CoroState.FAILED);
            return new Result<>(null, error);
        }
        Object gaveUp = WaitFields.registration(coro);
        List<Coro<?>> awaited = WaitFields.awaitedBy(coro);
        Stepping.Answer answer = stepping.throwInto(coro, error);
        Throwable escaped = stepping.out().error;
        switch (answer) {
            case PROPER -> { }
            case RETURNED, YIELDED -> {
                stepping.warnImproper(coro, answer, how.thrownIn());
                escaped = null;
            }
            default -> throw coroutines.fail(coro, escaped);
        }
        stepping.out().clear();
        coroutines.recordEnd(coro, how.recorded());
        CoroFields.state(coro, CoroState.FAILED);
        coroutines.deactivate(coro);
        cancelOrphans(gaveUp, awaited, how);
        for (Coro<?> waiting : WaitFields.stillWaitingFor(coro)) {
            if (CoroFields.state(waiting) == CoroState.ACTIVE) {
                throw coroutines.cancel(waiting, waitersMessage);
            }
        }
        return new Result<>(null, escaped != null ? escaped : error);
    }

    /** See {@link RunControl#endQuietly}. */
    void endQuietly(Coro<?> coro, String how) {
        if (CoroFields.state(coro) == CoroState.ACTIVE) {
            CoroFields.state(coro, CoroState.FAILED);
            coroutines.recordEnd(coro, how);
            coroutines.deactivate(coro);
        }
    }

    /**
     * A waiter gave up for good (its coroutine ended early): each coroutine it waited for that no one else waits
     * for now is cancelled, and so on down, so that nothing is left running for a result no one will read.
     */
    private void cancelOrphans(Object gaveUp, List<Coro<?>> awaitedByIt, Naming how) {
        if (gaveUp == null) {
            return;
        }
        // The recursion's order, with a stack of its own: a chain of any length cannot overflow the thread's.
        ArrayDeque<Iterator<Coro<?>>> pending = new ArrayDeque<>();
        pending.push(awaitedByIt.iterator());
        ArrayDeque<Object> gaveUps = new ArrayDeque<>();
        gaveUps.push(gaveUp);
        while (!pending.isEmpty()) {
            Iterator<Coro<?>> members = pending.peek();
            if (!members.hasNext()) {
                pending.pop();
                gaveUps.pop();
                continue;
            }
            Coro<?> awaited = members.next();
            if (CoroFields.state(awaited) != CoroState.ACTIVE) {
                continue;
            }
            WaitFields.removeRegistration(awaited, gaveUps.peek());
            if (WaitFields.hasNoRegistrations(awaited)) {
                Object next = WaitFields.registration(awaited);
                List<Coro<?>> awaitedByNext = WaitFields.awaitedBy(awaited);
                cancelOrphan(awaited, how);
                if (next != null) {
                    pending.push(awaitedByNext.iterator());
                    gaveUps.push(next);
                }
            }
        }
    }

    private void cancelOrphan(Coro<?> orphan, Naming how) {
        Stepping.Answer answer = stepping.throwInto(orphan, new CancelledError("Cancelled because the only "
                + "coroutine waiting for it " + how.recorded()));
        if (answer != Stepping.Answer.PROPER) {
            stepping.warnImproper(orphan, answer, "cancellation");
        }
        stepping.out().clear();
        coroutines.recordEnd(orphan, "cancelled");
        CoroFields.state(orphan, CoroState.FAILED);
        coroutines.deactivate(orphan);
    }
}
