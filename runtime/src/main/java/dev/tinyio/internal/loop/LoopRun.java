package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.GroupMode;
import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.vocabulary.CoroState;

/**
 * One run of a loop, driven one step at a time: by {@code Loop.run} to its end, by a caller of {@code Loop.start},
 * or by an isolate from the loop outside it. When it fails, everything is cancelled ({@link Cancellation}) and it
 * throws what its {@link GroupMode} says.
 */
public final class LoopRun {
    /** The scheduling of the run. */
    private final Scheduler scheduler;
    /** What to throw on failure. */
    private final GroupMode mode;
    /** This thread's carrier: whether a coroutine is being stepped, and the suspension it unwinds. */
    private final Carrier carrier = Carrier.get();
    /** The time its timers read: its loop's clock, or else that of the run it started inside, or the real one. */
    private final LoopClock clock;
    /** Told once when the run ends, finished or failed. */
    private final Runnable onEnd;
    /** Whether every coroutine has finished, or the run failed. */
    private boolean finished;
    /** Whether this blocked spell has been checked for a cycle of waits: once each time the queue runs dry. */
    private boolean checkedForCycle;

    private LoopRun(LoopCore loop, Coro<?> root, GroupMode mode, Runnable onEnd) {
        Object running = carrier.clock;
        LoopClock own = loop.clock();
        this.clock = own != null ? own : running != null ? (LoopClock) running : LoopClock.REAL;
        // Started inside a step of a run on the same clock: nested in it, it shares the clock.
        clock.attach(running == clock);
        this.scheduler = new Scheduler(loop, root, carrier, clock);
        this.mode = mode;
        this.onEnd = onEnd;
    }

    /**
     * Starts a run: its first step will start the root.
     *
     * @param loop the loop whose run it is
     * @param root the coroutine to run, new
     * @param mode what to throw on failure
     * @param onEnd told once when the run ends, finished or failed
     * @return the run, not yet stepped
     * @throws IllegalStateException if the loop's clock already drives a run that this one is not nested in
     */
    public static LoopRun start(LoopCore loop, Coro<?> root, GroupMode mode, Runnable onEnd) {
        LoopRun run = new LoopRun(loop, root, mode, onEnd);
        run.scheduler.start();
        return run;
    }

    /**
     * Runs, once started, until every coroutine has finished.
     *
     * @return the root's result
     */
    public Object runToEnd() {
        Object outerClock = carrier.clock;
        carrier.clock = clock;
        try {
            while (!finished) {
                if (!advance(true) && !finished) {
                    awaitWakeUp();
                }
            }
        } finally {
            carrier.clock = outerClock;
        }
        return CoroFields.result(scheduler.root());
    }

    /**
     * {@link #advance}, for a driver outside the run ({@code Loop.Run.step}), with the run's clock as this thread's.
     *
     * @return true if a coroutine stepped
     */
    public boolean step() {
        Object outerClock = carrier.clock;
        carrier.clock = clock;
        try {
            return advance();
        } finally {
            carrier.clock = outerClock;
        }
    }

    /**
     * Takes one step: wake-ups are collected, then the coroutine at the head of the queue runs until it yields or
     * ends. With nothing ready, the run is blocked (after a check for a cycle of waits) or, with nothing left,
     * finished.
     *
     * @return true if a coroutine stepped
     */
    public boolean advance() {
        return advance(false);
    }

    /**
     * {@link #advance()}, going on while coroutines are ready if asked: {@link #runToEnd} takes a spell of steps in
     * one call, rather than a call per step, and the JIT compiles the loop over the steps with the step inside it.
     */
    private boolean advance(boolean whileReady) {
        if (finished) {
            return false;
        }
        // A run started inside a coroutine of another (a blocking Loop.run) steps on the same carrier: the outer
        // coroutine carries on with its own loop's stepping and debug mode once this returns.
        boolean outerStepping = carrier.stepping;
        boolean outerDebugging = carrier.debugging;
        WakeUps wakeUps = scheduler.wakeUps();
        wakeUps.inStep(true);
        try {
            if (scheduler.steps(whileReady)) {
                checkedForCycle = false;
                return true;
            }
            if (scheduler.coroutines().isEmpty()) {
                finished = true;
                scheduler.end();
                clock.detach();
                onEnd.run();
            } else if (!checkedForCycle) {
                checkedForCycle = true;
                scheduler.checkForCycle();
            }
            return false;
        } catch (Throwable failure) {
            throw crash(failure);
        } finally {
            wakeUps.inStep(false);
            carrier.stepping = outerStepping;
            carrier.debugging = outerDebugging;
        }
    }

    /**
     * Parks the loop's thread, without spinning, until the nearest deadline or until another thread hands over a
     * wake-up. A wake-up handed over just before parking is not lost: its unpark makes the park return at once.
     * Interrupted while parked, the run fails with an {@link InterruptedException}, as tinyio's loop does on
     * {@code KeyboardInterrupt}. A virtual clock may jump to the deadline instead, or fail the run the same way.
     */
    public void awaitWakeUp() {
        if (finished) {
            return;
        }
        Timers timers = scheduler.wakeUps().timers();
        RuntimeException stalled = timers.stalled();
        if (stalled != null) {
            throw crash(new Failure(null, stalled));
        }
        long since = clock.nanoTime();
        boolean interrupted = timers.park(this);
        scheduler.coroutines().observer().idle(clock, since, clock.nanoTime());
        if (interrupted) {
            throw crash(new Failure(null, new InterruptedException("Loop.run was interrupted while waiting")));
        }
    }

    /**
     * When a blocked run can make progress again, as a deadline on its {@link #clock()}.
     *
     * @return now if wake-ups are waiting, the nearest timer's deadline, or {@link Long#MAX_VALUE} if only
     *     another thread (or a coroutine of another loop) can wake it
     */
    public long wakeUpDeadline() {
        return scheduler.wakeUps().timers().deadline();
    }

    /**
     * The time its timers read.
     *
     * @return its clock
     */
    public LoopClock clock() {
        return clock;
    }

    /**
     * How much work outside the loop's thread that the run knows of (threads, stages) may still wake it.
     *
     * @return the count
     */
    public int outstandingWork() {
        return scheduler.wakeUps().timers().outstanding();
    }

    /**
     * Ends the run early with the same cleanup as a failure: every coroutine is cancelled, and what the mode says
     * is thrown, with {@code reason} as the original error.
     *
     * @param reason why the run is aborted
     * @return never returns normally
     */
    public RuntimeException abort(Throwable reason) {
        if (finished) {
            throw new IllegalStateException("The run has already finished");
        }
        throw crash(new Failure(null, reason));
    }

    /**
     * Checks that the run is driven from outside it, on the thread that started it: its coroutines, their frames
     * and its timers live there.
     *
     * @param what the method of {@code Loop.Run} called
     */
    public void checkThread(String what) {
        Thread caller = Thread.currentThread();
        Thread thread = scheduler.wakeUps().thread();
        if (caller != thread) {
            throw new IllegalStateException("Loop.Run." + what + "() was called on thread \"" + caller.getName()
                    + "\", but the run was started on thread \"" + thread.getName() + "\". Drive a run on the "
                    + "thread that started it; to hand work to a loop on another thread, set an Event or use "
                    + "Tinyio.toFuture.");
        }
        if (scheduler.wakeUps().isInStep()) {
            throw new IllegalStateException("Loop.Run." + what + "() was called from inside a step of the same "
                    + "run, by one of its own coroutines. A run is driven from outside it; inside, yield instead.");
        }
    }

    /**
     * Whether every coroutine has finished, or the run has failed.
     *
     * @return true once there is nothing left to step
     */
    public boolean isFinished() {
        return finished;
    }

    /**
     * The root's result, once finished without failing.
     *
     * @return the result
     */
    public Object result() {
        Coro<?> root = scheduler.root();
        if (!finished || CoroFields.state(root) != CoroState.DONE) {
            throw new IllegalStateException("The run has not finished" + (finished ? " successfully" : ""));
        }
        return CoroFields.result(root);
    }

    /**
     * Sets what to call when a wake-up arrives from outside the run's own steps (another thread, or a coroutine of
     * another loop on this thread): a driver stepping this run from another loop uses it to know when to step again.
     *
     * @param listener the listener, or {@code null} for none
     */
    public void onWakeUp(Runnable listener) {
        scheduler.wakeUps().onWakeUp(listener);
    }

    /**
     * What every coroutine of the run is doing, and the stack it is suspended in.
     *
     * @return the text
     */
    public String dump() {
        return scheduler.dump();
    }

    /** Cancels everything after a failure and returns what the mode says to throw. */
    private RuntimeException crash(Throwable failure) {
        finished = true;
        boolean outerStepping = carrier.stepping;
        boolean outerDebugging = carrier.debugging;
        Object outerClock = carrier.clock;
        // Cleanup runs coroutines' code, which reads the run's clock, whoever asked for the crash.
        carrier.clock = clock;
        // A finished run keeps none of its coroutines reachable, whoever still holds the run.
        Coro<?> lastStepped = scheduler.end();
        try {
            // An error in the loop's own machinery is a failure of the loop: orderly cancellation all the same.
            Failure known = failure instanceof Failure coroutineFailure ? coroutineFailure : new Failure(null, failure);
            return new Cancellation(scheduler.coroutines(), scheduler.stepping(), mode).crash(known, lastStepped);
        } finally {
            carrier.stepping = outerStepping;
            carrier.debugging = outerDebugging;
            carrier.clock = outerClock;
            clock.detach();
            onEnd.run();
        }
    }
}
