package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.CoroState;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What makes a run's coroutines ready: the queue of those ready to step, and the wake-ups that fill it, from a
 * coroutine finishing, a wait's source firing on any thread, or a deadline passing.
 */
final class WakeUps implements Wait.Waker, WaitFields.Registrations {
    /** Ready coroutines; each keeps the value to resume it with. */
    private final ReadyQueue queue = new ReadyQueue();
    /** The thread running the loop, which alone touches the queue and the timers. */
    private final Thread thread = Thread.currentThread();
    /** Timeouts, and wake-ups from other threads. */
    private final Timers timers;
    /** {@link #countDown}, made once rather than at every step. */
    private final Consumer<Waiter> countDown = this::countDown;
    /** Whether a step is under way, during which wake-ups need no listener. */
    private boolean inStep;
    /** Told of wake-ups from outside the run's steps, if a driver asked. */
    private volatile Runnable listener;

    WakeUps(LoopClock clock) {
        this.timers = new Timers(thread, clock);
    }

    Thread thread() {
        return thread;
    }

    Timers timers() {
        return timers;
    }

    void inStep(boolean underWay) {
        inStep = underWay;
    }

    boolean isInStep() {
        return inStep;
    }

    void onWakeUp(Runnable wakeUpListener) {
        listener = wakeUpListener;
    }

    /**
     * Counts down the waiters of waits fired by other threads and of expired timeouts, then takes the coroutine
     * at the head of the queue.
     *
     * @return the coroutine, with its value to resume with, or {@code null} if none is ready
     */
    Coro<?> next() {
        timers.collect(countDown);
        return queue.isEmpty() ? null : queue.remove();
    }

    void enqueue(Coro<?> coro, Object value) {
        CoroFields.resumeWith(coro, value);
        queue.add(coro);
    }

    /** Makes room for that many more coroutines at once, for a gather. */
    void ensureRoomFor(int more) {
        queue.ensureRoomFor(more);
    }

    Set<Coro<?>> readySnapshot() {
        return queue.snapshot();
    }

    @Override
    public boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * A wait of this run fired. On the loop's own thread (an event set by a coroutine, or by a nested loop stepped
     * from here) its waiter counts down at once, as in tinyio; from any other thread it is handed over and the
     * loop is woken.
     */
    @Override
    public void wake(Wait wait) {
        boolean onLoopThread = Thread.currentThread() == thread;
        if (onLoopThread) {
            countDown(wait);
        } else {
            timers.handOver(wait);
        }
        // A wake-up during one of the run's own steps needs no listener, but only the loop's thread can tell:
        // another thread may see a stale 'inStep', and a driver that missed the wake-up would wait for ever. Tested
        // first, so that a hand-off between two coroutines of the run does not read the volatile listener.
        if (onLoopThread && inStep) {
            return;
        }
        Runnable wakeUpListener = listener;
        if (wakeUpListener != null) {
            wakeUpListener.run();
        }
    }

    /** One completion a waiter waited for: its coroutine is ready once the last one comes, if it still waits. */
    @Override
    public void countDown(Waiter waiter) {
        Coro<?> coro = waiter.coro;
        if (waiter.countDown() && WaitFields.waitsOn(coro, waiter) && CoroFields.state(coro) == CoroState.ACTIVE) {
            WaitFields.notWaiting(coro);
            enqueue(coro, waiter.value());
        }
    }

    /** The one coroutine a coroutine waited for finished: it is ready with that result, if it still waits. */
    @Override
    public void awaitedAloneFinished(Coro<?> waiting, Coro<?> finished) {
        if (WaitFields.waitsAloneFor(waiting, finished) && CoroFields.state(waiting) == CoroState.ACTIVE) {
            WaitFields.notWaiting(waiting);
            enqueue(waiting, CoroFields.result(finished));
        }
    }
}
