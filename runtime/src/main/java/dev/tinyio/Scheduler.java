package dev.tinyio;

import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.Fiber;
import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of a {@link Loop}: the queue of coroutines ready to step, the insertion-ordered coroutines it knows,
 * and the timer heap. Follows docs/semantics.md, "Scheduling order", to the letter; on failure hands over to
 * {@link Cancellation}.
 */
final class Scheduler {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");

    /** The loop whose run this is; it owns every coroutine started here. */
    final Loop loop;
    /** The coroutine the run was started with. */
    private final Coro<?> root;
    /** What to throw on failure. */
    private final GroupMode mode;
    /** Ready coroutines and the values to resume them with. */
    private final ReadyQueue queue = new ReadyQueue();
    /** The outcome of each step, reused. */
    private final Step out = new Step();
    /** This thread's pointer to the fiber being stepped. */
    private final Carrier carrier = Carrier.get();
    /** The thread running the loop, which alone touches the queue and the timers. */
    private final Thread thread = Thread.currentThread();
    /** Timeouts, and wake-ups from other threads. */
    private final Timers timers = new Timers(thread);
    /** {@link #countDown}, made once rather than at every step. */
    private final Consumer<Waiter> countDown = this::countDown;
    /** Times coroutines out for {@link Tinyio#timeout}. */
    private final TimeOuts timeOuts = new TimeOuts(this);
    /** The fiber the next new coroutine starts on, or {@code null} if one is to be made. */
    private Fiber spareFiber;
    /** The unfinished coroutines it knows, in insertion order. */
    private final ActiveCoroutines active = new ActiveCoroutines();
    /** Whether every coroutine has finished, or the run failed. */
    private boolean finished;
    /** Whether this blocked spell has been checked for a cycle of waits: once each time the queue runs dry. */
    private boolean checkedForCycle;
    /** Whether a step is under way, during which wake-ups need no listener. */
    private boolean stepping;
    /**
     * The coroutine stepped most recently (tinyio's {@code current_coro}): when the loop itself fails (a cycle, an
     * interrupt, an abort), the chain of single waiters stitched into the error's trace starts there.
     */
    private Coro<?> lastStepped;
    /** Told of wake-ups from outside the run's steps, if a driver asked. */
    private volatile Runnable wakeUpListener;

    Scheduler(Loop loop, Coro<?> root, GroupMode mode) {
        this.loop = loop;
        this.root = root;
        this.mode = mode;
    }

    /** Schedules the root: the run's first step will start it. */
    void start() {
        activate(root);
        enqueue(root, null);
    }

    /** Runs, once started, until every coroutine has finished; returns the root's result or throws as the mode says. */
    Object runToEnd() {
        while (!finished) {
            if (!advance() && !finished) {
                awaitWakeUp();
            }
        }
        return root.result;
    }

    /**
     * Takes one step: wake-ups are collected, then the coroutine at the head of the queue runs until it yields or
     * ends. With nothing ready, the run is blocked (after a check for a cycle of waits) or, with nothing left,
     * finished.
     *
     * @return true if a coroutine stepped
     */
    boolean advance() {
        if (finished) {
            return false;
        }
        Fiber outerFiber = carrier.fiber;
        stepping = true;
        try {
            timers.collect(countDown);
            if (queue.isEmpty()) {
                if (active.isEmpty()) {
                    finished = true;
                    lastStepped = null;
                    loop.finished();
                } else if (!checkedForCycle) {
                    checkedForCycle = true;
                    checkForCycle();
                }
                return false;
            }
            checkedForCycle = false;
            step();
            return true;
        } catch (Throwable failure) {
            throw crash(failure);
        } finally {
            stepping = false;
            carrier.fiber = outerFiber;
        }
    }

    /**
     * Parks the loop's thread, without spinning, until the nearest deadline or until another thread hands over a
     * wake-up. A wake-up handed over just before parking is not lost: its unpark makes the park return at once.
     * Interrupted while parked, the run fails with an {@link InterruptedException}, as tinyio's loop does on
     * {@code KeyboardInterrupt}.
     */
    void awaitWakeUp() {
        if (!finished && timers.park(this)) {
            throw crash(new Failure(null, new InterruptedException("Loop.run was interrupted while waiting")));
        }
    }

    /**
     * When a blocked run can make progress again, as a {@link System#nanoTime()} deadline.
     *
     * @return now if wake-ups are waiting, the nearest timer's deadline, or {@link Long#MAX_VALUE} if only
     *     another thread (or a coroutine of another loop) can wake it
     */
    long wakeUpDeadline() {
        return timers.deadline();
    }

    /**
     * Ends the run early with the same cleanup as a failure: every coroutine is cancelled, and what the mode says
     * is thrown, with {@code reason} as the original error.
     *
     * @param reason why the run is aborted
     * @return never returns normally
     */
    RuntimeException abort(Throwable reason) {
        if (finished) {
            throw new IllegalStateException("The run has already finished");
        }
        throw crash(new Failure(null, reason));
    }

    /** A run is driven on the thread that started it: its coroutines, their frames and its timers live there. */
    void checkThread(String what) {
        Thread caller = Thread.currentThread();
        if (caller != thread) {
            throw new IllegalStateException("Loop.Run." + what + "() was called on thread \"" + caller.getName()
                    + "\", but the run was started on thread \"" + thread.getName() + "\". Drive a run on the "
                    + "thread that started it; to hand work to a loop on another thread, set an Event or use "
                    + "Tinyio.toFuture.");
        }
        if (stepping) {
            throw new IllegalStateException("Loop.Run." + what + "() was called from inside a step of the same "
                    + "run, by one of its own coroutines. A run is driven from outside it; inside, yield instead.");
        }
    }

    boolean isFinished() {
        return finished;
    }

    /** The root's result, once finished without failing. */
    Object result() {
        if (!finished || root.state != Coro.DONE) {
            throw new IllegalStateException("The run has not finished" + (finished ? " successfully" : ""));
        }
        return root.result;
    }

    /**
     * Sets what to call when a wake-up arrives from outside the run's own steps (another thread, or a coroutine of
     * another loop on this thread): a driver stepping this run from another loop uses it to know when to step again.
     */
    void onWakeUp(Runnable listener) {
        this.wakeUpListener = listener;
    }

    /** Cancels everything after a failure and returns what the mode says to throw. */
    private RuntimeException crash(Throwable failure) {
        finished = true;
        Fiber outerFiber = carrier.fiber;
        try {
            // An error in the loop's own machinery is a failure of the loop: orderly cancellation all the same.
            Failure known = failure instanceof Failure coroutineFailure ? coroutineFailure : new Failure(null, failure);
            return new Cancellation(this, mode).crash(known, lastStepped);
        } finally {
            // A finished run keeps none of its coroutines reachable, whoever still holds the run.
            lastStepped = null;
            carrier.fiber = outerFiber;
            loop.finished();
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // One step
    // -----------------------------------------------------------------------------------------------------------

    private void step() {
        Coro<?> coro = queue.remove();
        Object value = coro.resumeWith;
        coro.resumeWith = null;
        if (coro.state != Coro.ACTIVE) {
            // Timed out while it was queued: finished for good.
            return;
        }
        lastStepped = coro;
        TraceRecorder recorder = loop.recorder();
        if (recorder != null) {
            recorder.stepping(coro);
        }
        int outcome = stepCoro(coro, value, null);
        while (outcome == Step.YIELDED && out.requestKind == Step.TIME_OUT) {
            Result<?> timedOut = timeOuts.timeOut((TimeoutStepper.TimeOut<?>) out.request);
            out.clear();
            outcome = stepCoro(coro, timedOut, null);
        }
        if (recorder != null) {
            recorder.stepped(coro, outcome, out);
        }
        switch (outcome) {
            case Step.RETURNED -> finish(coro, out.value);
            case Step.THREW -> throw fail(coro, out.error);
            default -> handleYield(coro, out.requestKind, out.request);
        }
        out.clear();
    }

    /** Steps one coroutine on this thread's carrier. */
    int stepCoro(Coro<?> coro, Object value, Throwable thrown) {
        // A flag left by an earlier step that ended in a throw out of the loop's own machinery must not leak.
        out.concurrentFailure = false;
        if (thrown != null && coro.resumeWith != null) {
            // Thrown into while queued to resume: the value it was to resume with never reaches it.
            Semaphore.releaseUndelivered(coro);
        }
        if (!(coro.code instanceof Stepper stepper)) {
            return startCoro(coro, thrown);
        }
        carrier.fiber = stepper instanceof Fiber fiber ? fiber : null;
        try {
            return stepper.step(value, thrown, out);
        } finally {
            carrier.fiber = null;
        }
    }

    /**
     * The first step of a user's body, on the spare fiber: the coroutine keeps it only if the body suspends, so a
     * coroutine that runs to its end in one step costs no fiber of its own. Cancelled before it ever ran, the body
     * runs none of its code.
     */
    private int startCoro(Coro<?> coro, Throwable thrown) {
        Fiber fiber = spareFiber;
        // Taken while in use: a nested step of this run, from inside the body, takes a fresh one.
        spareFiber = null;
        if (fiber == null) {
            fiber = new Fiber(carrier);
        }
        fiber.startNext(coro.code);
        carrier.fiber = fiber;
        int outcome;
        try {
            outcome = fiber.step(null, thrown, out);
        } finally {
            carrier.fiber = null;
        }
        if (outcome == Step.YIELDED) {
            coro.keep(fiber);
        } else {
            spareFiber = fiber;
        }
        return outcome;
    }

    /** The outcome of the last {@link #stepCoro}. */
    Step lastStep() {
        return out;
    }

    private void finish(Coro<?> coro, Object result) {
        coro.result = result;
        coro.state = Coro.DONE;
        deactivate(coro);
        Object waiters = coro.takeWaiters();
        if (waiters instanceof Waiter one) {
            countDown(one);
        } else if (waiters != null) {
            for (Object waiter : (List<?>) waiters) {
                countDown((Waiter) waiter);
            }
        }
    }

    private void handleYield(Coro<?> coro, int kind, Object request) {
        switch (kind) {
            case Step.BARE -> enqueue(coro, null);
            case Step.ONE -> {
                if (request == null) {
                    throw throwInto(coro, InvalidYields.ofNull());
                }
                Coro<?> awaited = (Coro<?>) request;
                checkYieldable(coro, awaited);
                Waiter waiter = new MembersWaiter(coro, awaited, 1);
                coro.waitingOn = waiter;
                awaitMember(waiter, awaited);
            }
            case Step.LIST -> {
                List<?> list = (List<?>) request;
                if (list == null) {
                    throw throwInto(coro, InvalidYields.ofNull());
                }
                if (list.isEmpty()) {
                    enqueue(coro, new ArrayList<>(0));
                    return;
                }
                await(coro, list);
            }
            case Step.SET -> {
                Set<?> set = (Set<?>) request;
                if (set == null) {
                    throw throwInto(coro, InvalidYields.ofNull());
                }
                // Member by member, as in tinyio: those before one that may not be yielded are started all the same.
                for (Object member : set) {
                    if (!(member instanceof Coro<?> background)) {
                        throw throwInto(coro, InvalidYields.inSet(set, member));
                    }
                    checkYieldable(coro, background);
                    if (background.state == Coro.NEW) {
                        activate(background);
                        enqueue(background, null);
                    }
                }
                enqueue(coro, null);
            }
            case Step.WAIT -> register(coro, (Wait) request);
            default -> throw new IllegalStateException("Unknown yield kind " + kind);
        }
    }

    /**
     * Makes one waiter for the coroutine over the members, in order; a member listed twice counts twice. Member by
     * member, as in tinyio: a member that may not be yielded fails the yielder with the members before it already
     * started and waited for, so that they are cancelled with the rest.
     */
    private void await(Coro<?> coro, List<?> members) {
        Waiter waiter = new MembersWaiter(coro, members, members.size());
        coro.waitingOn = waiter;
        queue.ensureRoomFor(members.size());
        int index = 0;
        for (Object member : members) {
            if (!(member instanceof Coro<?> awaited)) {
                throw throwInto(coro, InvalidYields.inList(members, index, member));
            }
            checkYieldable(coro, awaited);
            awaitMember(waiter, awaited);
            index++;
        }
    }

    /** Counts a waiter down for a finished member, or registers it, starting the member if it is new. */
    private void awaitMember(Waiter waiter, Coro<?> member) {
        switch (member.state) {
            case Coro.DONE -> countDown(waiter);
            case Coro.ACTIVE -> member.addWaiter(waiter);
            default -> {
                activate(member);
                enqueue(member, null);
                member.addWaiter(waiter);
            }
        }
    }

    /** The one step of a waiting coroutine made its wait: on its event (firing at once if set), and on the timers. */
    private void register(Coro<?> coro, Wait wait) {
        wait.coro = coro;
        coro.waitingOn = wait;
        wait.scheduler = this;
        if (wait.event != null && wait.event.register(wait)) {
            wait.fireFromEvent();
            return;
        }
        if (wait.timeoutNanos != Wait.NO_TIMEOUT) {
            timers.arm(wait);
        }
    }

    /**
     * A wait of this run fired. On the loop's own thread (an event set by a coroutine, or by a nested loop stepped
     * from here) its waiter counts down at once, as in tinyio; from any other thread it is handed over and the
     * loop is woken.
     */
    void wake(Wait wait) {
        boolean onLoopThread = Thread.currentThread() == thread;
        if (onLoopThread) {
            countDown(wait);
        } else {
            timers.handOver(wait);
        }
        // A wake-up during one of the run's own steps needs no listener, but only the loop's thread can tell:
        // another thread may see a stale 'stepping', and a driver that missed the wake-up would wait for ever.
        Runnable listener = wakeUpListener;
        if (listener != null && !(onLoopThread && stepping)) {
            listener.run();
        }
    }

    void countDown(Waiter waiter) {
        if (waiter.countDown() && waiter.coro.waitingOn == waiter && waiter.coro.state == Coro.ACTIVE) {
            waiter.coro.waitingOn = null;
            enqueue(waiter.coro, waiter.value());
        }
    }

    private void enqueue(Coro<?> coro, Object value) {
        coro.resumeWith = value;
        queue.add(coro);
    }

    // -----------------------------------------------------------------------------------------------------------
    // What may be yielded
    // -----------------------------------------------------------------------------------------------------------

    /** A coroutine this loop has not seen, or one it finished: any other has no result to give here. */
    private void checkYieldable(Coro<?> yielder, Coro<?> awaited) {
        if (awaited.state != Coro.NEW && (awaited.owner != loop || awaited.state == Coro.FAILED)) {
            throw throwInto(yielder, AlreadyStarted.message(loop, awaited));
        }
    }

    /**
     * Throws a {@link CancelledError} into a coroutine at its suspension point, as tinyio's {@code _throw}: the
     * loop then fails with it, or, if the coroutine did not let it escape, with a new one caused by what it did.
     */
    Failure throwInto(Coro<?> coro, String message) {
        CancelledError error = new CancelledError(message);
        error.setStackTrace(coro.suspendedTrace());
        int outcome = stepCoro(coro, null, error);
        Throwable escaped = outcome == Step.THREW ? out.error : null;
        if (escaped instanceof CancelledError) {
            return fail(coro, escaped);
        }
        Cancellation.warnImproper(coro, outcome, out, "cancellation");
        CancelledError replacement = new CancelledError(message);
        if (escaped != null) {
            replacement.initCause(escaped);
        }
        return fail(coro, replacement);
    }

    Failure fail(Coro<?> coro, Throwable error) {
        TraceRecorder recorder = loop.recorder();
        if (recorder != null) {
            recorder.ended(coro, TraceRecorder.describe(error));
        }
        coro.state = Coro.FAILED;
        deactivate(coro);
        return new Failure(coro, error);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Time and blocking
    // -----------------------------------------------------------------------------------------------------------

    /**
     * A cycle of waits is a failure of the loop itself: its error is thrown into the root, as in tinyio, but the
     * chain stitched into its trace starts at the last-stepped coroutine, and the root, which the error ended,
     * still counts among the cancelled.
     */
    private void checkForCycle() {
        if (WaitGraph.hasCycle(active.inOrder())) {
            LOG.log(System.Logger.Level.WARNING, "Cycle detected in tinyio loop:\n" + dump());
            String message = "Cycle detected in tinyio loop. Cancelling all coroutines. (The loop's state was logged "
                    + "to dev.tinyio; Loop.dump() shows it too.)";
            if (root.state != Coro.ACTIVE) {
                // A root that has finished runs no more code: tinyio's throw into an ended generator just raises.
                CancelledError error = new CancelledError(message);
                error.setStackTrace(root.suspendedTrace());
                throw new Failure(null, error, null);
            }
            throw new Failure(null, throwInto(root, message).error, root);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // The insertion-ordered map of active coroutines
    // -----------------------------------------------------------------------------------------------------------

    private void activate(Coro<?> coro) {
        coro.owner = loop;
        coro.state = Coro.ACTIVE;
        active.add(coro);
        if (coro.code instanceof IsolateStepper<?> isolate) {
            isolate.startedIn(loop);
        }
    }

    /** Marks on the coroutine's track, if recording, how it ended outside its own step. */
    void recordEnd(Coro<?> coro, String how) {
        TraceRecorder recorder = loop.recorder();
        if (recorder != null) {
            recorder.ended(coro, how);
        }
    }

    void deactivate(Coro<?> coro) {
        active.remove(coro);
        coro.waitingOn = null;
    }

    /**
     * What every coroutine of the run is doing: running, ready, or what it waits for, and the stack it is
     * suspended in. For debugging hangs; exact on the loop's own thread, a best-effort snapshot from another.
     */
    String dump() {
        StringBuilder text = new StringBuilder("tinyio loop run of " + root + "\n");
        Set<Coro<?>> ready = queue.snapshot();
        for (Coro<?> coro : active.inOrder()) {
            text.append("  ").append(coro).append('\n').append("    ").append(doing(coro, ready)).append('\n');
            for (StackTraceElement element : coro.suspendedTrace()) {
                text.append("      at ").append(element).append('\n');
            }
        }
        long deadline = timers.deadline();
        if (deadline != Long.MAX_VALUE) {
            text.append("  next wake-up in ").append(Math.max(0, (deadline - System.nanoTime()) / 1_000_000))
                    .append(" ms\n");
        }
        return text.toString();
    }

    private String doing(Coro<?> coro, Set<Coro<?>> ready) {
        if (ready.contains(coro)) {
            return "ready to run";
        }
        Waiter waiter = coro.waitingOn;
        if (waiter == null) {
            return stepping ? "running, or not yet started" : "not yet started";
        }
        List<Coro<?>> awaited = waiter.awaitedCoroutines();
        return awaited.isEmpty() ? "waits for an event, a timeout or a thread" : "waits for " + awaited;
    }

    /** The active coroutines, in insertion order. */
    List<Coro<?>> activeCoroutines() {
        return active.inOrder();
    }

    /** A coroutine, or the loop itself, failed: unwinds the run to {@link #runToEnd}. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The coroutine that failed, or {@code null} for the loop itself. */
        final transient Coro<?> origin;
        /** What it threw. */
        final Throwable error;
        /**
         * A coroutine the failure already ended that still counts as cancelled, or {@code null}: the root after a
         * cycle, which tinyio throws into once more and which, ended, answers with a fresh {@link CancelledError}.
         */
        final transient Coro<?> endedRoot;

        Failure(Coro<?> origin, Throwable error) {
            this(origin, error, null);
        }

        Failure(Coro<?> origin, Throwable error, Coro<?> endedRoot) {
            super(null, null, false, false);
            this.origin = origin;
            this.error = error;
            this.endedRoot = endedRoot;
        }
    }
}
