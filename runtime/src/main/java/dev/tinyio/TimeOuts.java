package dev.tinyio;

import dev.tinyio.internal.Step;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Times coroutines out for {@link Tinyio#timeout}, on behalf of a run: the {@link TimeoutError} thrown in, the
 * coroutine finished for good, and what only it was waiting for cancelled, so that nothing hangs afterwards.
 */
final class TimeOuts {
    private final Scheduler scheduler;

    TimeOuts(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Times a coroutine out for {@link Tinyio#timeout}: its recorder ends unrun, and a {@link TimeoutError} is
     * thrown into it at its suspension point. However it responds, it is finished for good; a coroutine that also
     * waited for it can never have its result, and is cancelled.
     */
    Result<?> timeOut(TimeoutStepper.TimeOut<?> request) {
        Coro<?> recorder = request.wrapper();
        if (recorder.state == Coro.ACTIVE) {
            recorder.state = Coro.FAILED;
            scheduler.recordEnd(recorder, "timed out");
            scheduler.deactivate(recorder);
        }
        Coro<?> coro = request.coro();
        TimeoutError error = request.error();
        if (coro.state == Coro.DONE) {
            return new Result<>(coro.result, null);
        }
        if (coro.state != Coro.ACTIVE) {
            coro.owner = scheduler.loop;
            coro.state = Coro.FAILED;
            return new Result<>(null, error);
        }
        error.setStackTrace(coro.suspendedTrace());
        Waiter pending = coro.waitingOn;
        int outcome = scheduler.stepCoro(coro, null, error);
        Throwable escaped = outcome == Step.THREW ? scheduler.lastStep().error : null;
        if (escaped != null && !(escaped instanceof TimeoutError)) {
            throw scheduler.fail(coro, escaped);
        }
        if (escaped == null) {
            Cancellation.warnImproper(coro, outcome, scheduler.lastStep(), "its timeout");
        }
        scheduler.lastStep().clear();
        scheduler.recordEnd(coro, "timed out");
        coro.state = Coro.FAILED;
        scheduler.deactivate(coro);
        cancelOrphans(pending);
        for (Waiter waiter : coro.waiters()) {
            if (waiter.coro.state == Coro.ACTIVE && waiter.coro.waitingOn == waiter) {
                throw scheduler.throwInto(waiter.coro, "The coroutine " + coro + ", which this one waits for, timed out "
                        + "under Tinyio.timeout, so it has no result.");
            }
        }
        return new Result<>(null, escaped != null ? escaped : error);
    }

    /**
     * A waiter gave up for good (its coroutine timed out): each coroutine it waited for that no one else waits for
     * now is cancelled, and so on down, so that nothing is left running for a result no one will read.
     */
    private void cancelOrphans(Waiter gaveUp) {
        if (gaveUp == null) {
            return;
        }
        // The recursion's order, with a stack of its own: a chain of any length cannot overflow the thread's.
        ArrayDeque<Iterator<Coro<?>>> pending = new ArrayDeque<>();
        pending.push(gaveUp.awaitedCoroutines().iterator());
        ArrayDeque<Waiter> gaveUps = new ArrayDeque<>();
        gaveUps.push(gaveUp);
        while (!pending.isEmpty()) {
            Iterator<Coro<?>> members = pending.peek();
            if (!members.hasNext()) {
                pending.pop();
                gaveUps.pop();
                continue;
            }
            Coro<?> awaited = members.next();
            if (awaited.state != Coro.ACTIVE) {
                continue;
            }
            awaited.removeWaiter(gaveUps.peek());
            if (awaited.waiters().isEmpty()) {
                Waiter next = awaited.waitingOn;
                CancelledError cancellation = new CancelledError("Cancelled because the only coroutine waiting for "
                        + "it timed out");
                cancellation.setStackTrace(awaited.suspendedTrace());
                int outcome = scheduler.stepCoro(awaited, null, cancellation);
                if (!(outcome == Step.THREW && scheduler.lastStep().error instanceof CancelledError)) {
                    Cancellation.warnImproper(awaited, outcome, scheduler.lastStep(), "cancellation");
                }
                scheduler.lastStep().clear();
                scheduler.recordEnd(awaited, "cancelled");
                awaited.state = Coro.FAILED;
                scheduler.deactivate(awaited);
                if (next != null) {
                    pending.push(next.awaitedCoroutines().iterator());
                    gaveUps.push(next);
                }
            }
        }
    }
}
