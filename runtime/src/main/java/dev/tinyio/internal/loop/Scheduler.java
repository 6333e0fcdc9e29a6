package dev.tinyio.internal.loop;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Result;
import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.vocabulary.CoroState;
import dev.tinyio.internal.vocabulary.Step;

/**
 * The scheduling of one run of a loop: the queue of coroutines ready to step, what each yield asks for, waits and
 * wake-ups, and the check for a cycle of waits. Follows docs/semantics.md, "Scheduling order", to the letter; a
 * failure unwinds out of it as a {@link Failure} to the {@link LoopRun} that drives it.
 */
final class Scheduler implements RunControl {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");

    /** The coroutine the run was started with. */
    private final Coro<?> root;
    /** How coroutines are stepped and thrown into. */
    private final Stepping stepping;
    /** The coroutines the run knows. */
    private final RunCoroutines coroutines;
    /** Ends coroutines early for the batteries. */
    private final EarlyEnd earlyEnd;
    /** The ready queue and what fills it. */
    private final WakeUps wakeUps;
    /** What each yield asks for. */
    private final YieldRequests requests;
    /** In debug mode, what debug mode watches of this run; else {@code null}. */
    private final DebugRun debugRun;
    /**
     * The coroutine stepped most recently (tinyio's {@code current_coro}): when the loop itself fails (a cycle, an
     * interrupt, an abort), the chain of single waiters stitched into the error's trace starts there. It is read
     * only between spells of steps (the run's end, a check for a cycle, a failure) and by a battery's request inside
     * its step, so it is recorded at the end of each spell and before each request rather than at every step: the
     * scheduler lives as long as the run, and where coroutines take turns, a reference stored into it at every step
     * would take G1's write-barrier slow path at every step once the scheduler is in the old generation.
     */
    private Coro<?> lastStepped;

    Scheduler(LoopCore loop, Coro<?> root, Carrier carrier, LoopClock clock) {
        this.root = root;
        this.wakeUps = new WakeUps(clock);
        this.debugRun = DebugRun.of(loop);
        this.stepping = new Stepping(carrier, debugRun != null);
        this.coroutines = new RunCoroutines(loop, stepping);
        this.earlyEnd = new EarlyEnd(coroutines, stepping);
        this.requests = new YieldRequests(coroutines, wakeUps);
    }

    /** Schedules the root: the run's first step will start it. */
    void start() {
        coroutines.activate(root);
        wakeUps.enqueue(root, null);
    }

    Coro<?> root() {
        return root;
    }

    RunCoroutines coroutines() {
        return coroutines;
    }

    Stepping stepping() {
        return stepping;
    }

    WakeUps wakeUps() {
        return wakeUps;
    }

    /**
     * The run ended, finished or failed: it keeps no coroutine, and the watchdog no longer looks at it.
     *
     * @return the coroutine stepped last, see {@link #lastStepped}
     */
    Coro<?> end() {
        if (debugRun != null) {
            debugRun.close();
        }
        stepping.runEnded();
        Coro<?> last = lastStepped;
        lastStepped = null;
        return last;
    }

    // One step

    /**
     * Takes a spell of steps: each collects the wake-ups, then runs the coroutine at the head of the queue until it
     * yields or ends. A coroutine ended early while it was queued is finished for good, and is passed over.
     *
     * @param whileReady whether to go on while coroutines are ready, or to take one step only
     * @return false if no coroutine was ready
     */
    boolean steps(boolean whileReady) {
        Coro<?> stepped = null;
        try {
            do {
                Coro<?> coro = nextActive();
                if (coro == null) {
                    break;
                }
                stepped = coro;
                Object value = CoroFields.resumeWith(coro);
                if (value != null) {
                    CoroFields.resumeWith(coro, null);
                }
                step(coro, value);
            } while (whileReady);
        } finally {
            // Once a spell rather than at every step: see lastStepped. A step that fails ends the spell too.
            if (stepped != null) {
                steppedLast(stepped);
            }
        }
        return stepped != null;
    }

    /** The coroutine at the head of the queue that is still active, or {@code null} if none is ready. */
    private Coro<?> nextActive() {
        Coro<?> coro;
        do {
            coro = wakeUps.next();
        } while (coro != null && CoroFields.state(coro) != CoroState.ACTIVE);
        return coro;
    }

    private void step(Coro<?> coro, Object value) {
        LoopObserver observer = coroutines.observer();
        observer.stepping(coro);
        Step out = stepping.out();
        if (debugRun != null) {
            debugRun.stepping(coro);
        }
        Step.Outcome outcome;
        try {
            outcome = stepping.step(coro, value, null);
            while (outcome == Step.Outcome.YIELDED && out.requestIs(Step.Request.CALL)) {
                // The battery asking may read the coroutine it runs in (asker()).
                steppedLast(coro);
                Object answer = ((RunControl.Action) out.request).apply(this);
                out.clear();
                outcome = stepping.step(coro, answer, null);
            }
        } finally {
            if (debugRun != null) {
                debugRun.stepped();
            }
        }
        observer.stepped(coro, outcome, out);
        // Compared rather than switched on: a switch on another class's enum reads a table of its ordinals first.
        if (outcome == Step.Outcome.YIELDED) {
            requests.handle(coro, out);
        } else if (outcome == Step.Outcome.RETURNED) {
            finish(coro, out.value);
        } else {
            throw coroutines.fail(coro, out.error);
        }
        out.clear();
    }

    /** Stored only when it changes, for the same reason as it is recorded only when read. */
    private void steppedLast(Coro<?> coro) {
        if (lastStepped != coro) {
            lastStepped = coro;
        }
    }

    private void finish(Coro<?> coro, Object result) {
        CoroFields.result(coro, result);
        CoroFields.state(coro, CoroState.DONE);
        coroutines.deactivate(coro);
        WaitFields.drainRegistrations(coro, wakeUps);
    }

    // Blocked: a cycle of waits, and what a dump shows

    /**
     * A cycle of waits is a failure of the loop itself: its error is thrown into the root, as in tinyio, but the
     * chain stitched into its trace starts at the last-stepped coroutine, and the root, which the error ended,
     * still counts among the cancelled.
     */
    void checkForCycle() {
        if (WaitGraph.hasCycle(coroutines.inOrder())) {
            LOG.log(System.Logger.Level.WARNING, "Cycle detected in tinyio loop:\n" + dump());
            String message = "Cycle detected in tinyio loop. Cancelling all coroutines. (The loop's state was logged "
                    + "to dev.tinyio; Loop.dump() shows it too.)";
            if (CoroFields.state(root) != CoroState.ACTIVE) {
                // A root that has finished runs no more code: tinyio's throw into an ended generator just raises.
                CancelledError error = new CancelledError(message);
                error.setStackTrace(CoroFields.suspendedTrace(root));
                throw new Failure(null, error, null);
            }
            throw new Failure(null, coroutines.cancel(root, message).error, root);
        }
    }

    /** What every coroutine of the run is doing; see {@link Dump}. */
    String dump() {
        Timers timers = wakeUps.timers();
        return Dump.of(root, coroutines.inOrder(), wakeUps.readySnapshot(), wakeUps.isInStep(),
                timers.deadlineSnapshot(), timers.clock().nanoTime());
    }

    // What the batteries may ask

    @Override
    public Coro<?> asker() {
        return lastStepped;
    }

    @Override
    public LoopCore loop() {
        return coroutines.loop();
    }

    @Override
    public void workStarted() {
        wakeUps.timers().workStarted();
    }

    @Override
    public void workEnded() {
        wakeUps.timers().workEnded();
    }

    @Override
    public Result<?> endEarly(Coro<?> coro, Throwable error, EarlyEnd.Naming how, String waitersMessage) {
        return earlyEnd.end(coro, error, how, waitersMessage);
    }

    @Override
    public void endQuietly(Coro<?> coro, String how) {
        earlyEnd.endQuietly(coro, how);
    }
}
