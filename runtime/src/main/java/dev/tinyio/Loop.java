package dev.tinyio;

import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.loop.AlreadyStarted;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.LoopCore;
import dev.tinyio.internal.loop.LoopRun;
import dev.tinyio.internal.vocabulary.CoroState;
import java.time.Duration;
import java.util.Objects;

/**
 * The event loop: runs a coroutine and everything it yields on the calling thread, one step at a time, in a fixed
 * order (docs/semantics.md in the project's repository gives it step by step). When any coroutine fails, every
 * other one is cancelled and {@code run} throws.
 *
 * <p>A loop remembers the results of the coroutines it ran, in the coroutines themselves, so a later {@code run}
 * may yield them again without the loop keeping them alive. Different loops nest freely, on any thread.
 */
public final class Loop {
    private static final System.Logger LOG = System.getLogger("dev.tinyio");

    /** What the core keeps of this loop across its runs; the coroutines it starts point at it. */
    private final LoopCore core = new LoopCore(null);
    /** Whether a run is in progress: {@code run} is not reentrant. */
    private boolean running;
    /** The run in progress, for {@link #dump}. */
    private volatile LoopRun current;

    /** A loop with nothing scheduled; in debug mode if {@code -Dtinyio.debug=true}. */
    public Loop() {
    }

    /**
     * Runs a coroutine to the end, and everything it yields, with {@link GroupMode#AUTO}.
     *
     * @param coro the coroutine; if this loop already finished it, its result is returned at once
     * @param <T> the type of the result
     * @return the coroutine's result
     * @throws NullPointerException if {@code coro} is null
     * @throws IllegalStateException if this loop is already running, or its {@link #clock} drives another run
     * @throws IllegalArgumentException if the coroutine was started by another loop
     */
    public <T> T run(Coro<T> coro) {
        return run(coro, GroupMode.AUTO);
    }

    /**
     * Runs a coroutine to the end, and everything it yields. On failure every other coroutine is cancelled, and
     * what is thrown is the original throwable, unchanged (checked ones too, undeclared), or an
     * {@link ExceptionGroup}, as {@code mode} says.
     *
     * @param coro the coroutine; if this loop already finished it, its result is returned at once
     * @param mode what to throw on failure
     * @param <T> the type of the result
     * @return the coroutine's result
     * @throws NullPointerException if {@code coro} or {@code mode} is null
     * @throws IllegalStateException if this loop is already running, or its {@link #clock} drives another run
     * @throws IllegalArgumentException if the coroutine was started by another loop
     */
    @SuppressWarnings("unchecked")
    public <T> T run(Coro<T> coro, GroupMode mode) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(mode, "mode");
        Carrier carrier = Carrier.get();
        if (carrier.stepping && (core.debug() || carrier.debugging)) {
            LOG.log(System.Logger.Level.WARNING, "Loop.run was called from inside a coroutine of another loop "
                    + "running on this thread: that loop, and every coroutine in it, is blocked until this run "
                    + "returns. To run a coroutine in a loop of its own without blocking the loop around it, yield "
                    + "Tinyio.isolate(coro) instead.", new Throwable("Loop.run was called here"));
        }
        if (CoroFields.owner(coro) == core && CoroFields.state(coro) == CoroState.DONE) {
            checkNotRunning();
            return (T) CoroFields.result(coro);
        }
        return (T) begin(coro, mode).runToEnd();
    }

    /**
     * Starts a run that the caller advances one step at a time, the analogue of tinyio's {@code Loop.runtime}:
     * for driving this loop from another loop or framework. {@link #run} is this, driven to the end.
     *
     * @param coro the coroutine to run
     * @param mode what to throw on failure
     * @param <T> the type of the result
     * @return the run, not yet stepped
     * @throws NullPointerException if {@code coro} or {@code mode} is null
     * @throws IllegalStateException if this loop is already running, or its {@link #clock} drives another run
     * @throws IllegalArgumentException if the coroutine is not new: started by another loop, or failed or finished in
     *     this one
     */
    public <T> Run<T> start(Coro<T> coro, GroupMode mode) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(mode, "mode");
        return new Run<>(begin(coro, mode));
    }

    /**
     * Starts a run with {@link GroupMode#AUTO}; see {@link #start(Coro, GroupMode)}.
     *
     * @param coro the coroutine to run
     * @param <T> the type of the result
     * @return the run, not yet stepped
     */
    public <T> Run<T> start(Coro<T> coro) {
        return start(coro, GroupMode.AUTO);
    }

    private LoopRun begin(Coro<?> coro, GroupMode mode) {
        checkNotRunning();
        if (CoroFields.state(coro) != CoroState.NEW) {
            throw new IllegalArgumentException(AlreadyStarted.message(core, coro));
        }
        LoopRun run = LoopRun.start(core, coro, mode, this::finished);
        running = true;
        current = run;
        return run;
    }

    private void checkNotRunning() {
        if (running) {
            throw new IllegalStateException("Cannot call Loop.run whilst the loop is currently running. "
                    + "To wait for a coroutine from inside the loop, yield it: Coro.yield(coro).");
        }
    }

    /** A run ended, finished or failed: the loop may run again. */
    private void finished() {
        running = false;
        current = null;
    }

    /**
     * Turns debug mode on or off for this loop's runs from the next one on; {@code -Dtinyio.debug=true} turns it on
     * for every loop. In debug mode, a step that runs longer than {@link #slowStepThreshold} is logged with the
     * stack it is blocked in, while it still runs; a coroutine made in its steps (or anywhere, with
     * {@code -Dtinyio.debug=true}) and dropped without ever being yielded is logged with where it was made; {@code Loop.run} called from
     * inside a coroutine of another loop is logged; and a resumed coroutine re-enters every suspended frame of its
     * chain, so that a debugger or {@code Thread.getStackTrace()} sees them all, at one re-entry per frame.
     * Warnings go to the {@code System.Logger} named {@code dev.tinyio}.
     *
     * @param on whether to debug
     * @return this loop
     */
    public Loop debug(boolean on) {
        core.debug(on);
        return this;
    }

    /**
     * How long one step of a coroutine may run, in debug mode, before a warning that it blocks the loop: 100 ms
     * unless {@code -Dtinyio.debug.slowStepMillis} says otherwise.
     *
     * @param threshold the longest step that gets no warning
     * @return this loop
     */
    public Loop slowStepThreshold(Duration threshold) {
        core.slowStepNanos(Objects.requireNonNull(threshold, "threshold").toNanos());
        return this;
    }

    /**
     * Records this loop's runs from now on, as a timeline for Perfetto or {@code chrome://tracing}.
     *
     * @param recorder where to record, or {@code null} to stop recording
     * @return this loop
     */
    public Loop recordTo(TraceRecorder recorder) {
        core.observe(recorder == null ? null : recorder.observer());
        return this;
    }

    /**
     * Runs this loop on virtual time from now on: its sleeps, timeouts, {@link Tinyio#now()} and recording read
     * {@code clock}, as {@link TestClock} says; so do the loops started inside its runs.
     *
     * @param clock the clock, or {@code null} for the real one (or, inside a running loop, that loop's)
     * @return this loop
     */
    public Loop clock(TestClock clock) {
        core.clock(clock == null ? null : clock.loopClock());
        return this;
    }

    /**
     * What the loop is doing, for debugging hangs: each unfinished coroutine, what it waits for, and the stack it
     * is suspended in (its own frames, with line numbers). Exact when called on the loop's thread, for example
     * from a coroutine; a best-effort snapshot from another thread. Also logged when a cycle of waits is found.
     *
     * @return the text, or a line saying the loop is not running
     */
    public String dump() {
        LoopRun run = current;
        return run == null ? "tinyio loop: not running\n" : run.dump();
    }

    /**
     * One run of a loop, advanced by its caller: {@link #step} until {@link #isFinished}, waiting in between with
     * {@link #awaitWakeUp} (or, for a driver with a loop of its own, until {@link #wakeUpDeadline} or a call of
     * the {@link #onWakeUp} listener). On failure, a step cancels everything and throws as the run's mode says.
     * A run is driven on the thread that started it, as its coroutines run on that thread; stepping, waiting for
     * or aborting it from another throws {@link IllegalStateException}.
     *
     * @param <T> the type of the result
     */
    public static final class Run<T> implements AutoCloseable {
        private final LoopRun run;

        private Run(LoopRun run) {
            this.run = run;
        }

        /**
         * Advances the run by one step, if a coroutine is ready.
         *
         * @return true if a coroutine stepped; false if the run is blocked or finished
         */
        public boolean step() {
            run.checkThread("step");
            return run.step();
        }

        /**
         * Whether every coroutine has finished, or the run has failed.
         *
         * @return true once there is nothing left to step
         */
        public boolean isFinished() {
            return run.isFinished();
        }

        /**
         * When the run can make progress again, if it is blocked.
         *
         * @return a {@link System#nanoTime()} deadline (on a {@link TestClock}, nanoseconds since its start): now if
         *     a wake-up is waiting, the nearest timeout, or {@link Long#MAX_VALUE} if only an event set elsewhere can
         *     wake it
         */
        public long wakeUpDeadline() {
            return run.wakeUpDeadline();
        }

        /**
         * Parks the calling thread, without spinning, until the run can make progress: a wake-up from another
         * thread or the nearest timeout. If the thread is interrupted meanwhile, the run fails: everything is
         * cancelled and the {@link InterruptedException} is thrown (undeclared), as the mode says. On a
         * {@link TestClock}, it may jump to the nearest timeout instead, or fail the same way with an
         * {@link IllegalStateException}, as the clock says.
         */
        public void awaitWakeUp() {
            run.checkThread("awaitWakeUp");
            run.awaitWakeUp();
        }

        /**
         * Sets a listener told, on any thread, when a wake-up arrives from outside the run's own steps, so that a
         * driver with a loop of its own knows when to step again. It must be quick and must not step the run.
         *
         * @param listener the listener, or {@code null} for none
         */
        public void onWakeUp(Runnable listener) {
            run.onWakeUp(listener);
        }

        /**
         * The root coroutine's result.
         *
         * @return the result
         * @throws IllegalStateException if the run has not finished successfully
         */
        @SuppressWarnings("unchecked")
        public T result() {
            return (T) run.result();
        }

        /**
         * Ends the run early with the same cleanup as {@code run}'s: every coroutine is cancelled, and what the
         * mode says is thrown, with {@code reason} as the original error.
         *
         * @param reason why the run is aborted
         * @throws IllegalStateException if the run has already finished
         */
        public void abort(Throwable reason) {
            Objects.requireNonNull(reason, "reason");
            run.checkThread("abort");
            throw run.abort(reason);
        }

        /**
         * Aborts the run if it has not finished, with a {@link CancelledError} saying it was closed early, so that
         * a run abandoned in a try-with-resources block leaves nothing running.
         */
        @Override
        public void close() {
            if (!isFinished()) {
                abort(new CancelledError("The loop's run was closed before it finished"));
            }
        }
    }
}
