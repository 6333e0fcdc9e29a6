package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.Result;
import java.util.List;

/**
 * What the runtime's own coroutines may ask of the run that steps them. A battery's stepper yields an
 * {@link Action} with {@code Step.Request.CALL}; the run performs it at once, within the same step, and steps the
 * battery again with what the action returned. The core thereby serves every battery without naming any.
 */
public interface RunControl {
    /** Something a battery asks the run to do on its behalf. */
    @FunctionalInterface
    interface Action {
        /**
         * Acts on the run.
         *
         * @param run the run that steps the asking coroutine
         * @return what the asking coroutine is stepped with next
         */
        Object apply(RunControl run);
    }

    /** An action that answers with the run itself, for a battery that keeps it to count its work in and out. */
    Action ITSELF = run -> run;

    /**
     * The coroutine whose step asked for this: the battery's own.
     *
     * @return the coroutine being stepped
     */
    Coro<?> asker();

    /**
     * Where the coroutines that wait for one are suspended, up the chain of single waiters, innermost first: what a
     * battery appends to the trace of a failure it hands back as a {@code Result}, so that it reads like one stack,
     * as a failure that crashes the run does.
     *
     * @param coro a coroutine of this run
     * @return the frames
     */
    default List<StackTraceElement> framesAbove(Coro<?> coro) {
        return WaitChain.framesAbove(coro);
    }

    /**
     * The loop whose run this is.
     *
     * @return its core
     */
    LoopCore loop();

    /**
     * Work outside the loop's thread began that will wake a coroutine of the run when it ends: a thread, a stage.
     * A virtual clock does not jump ahead while such work is under way, as it would not have in real time. Called
     * on the loop's thread, once, and matched by one {@link #workEnded}.
     */
    void workStarted();

    /** Work counted in by {@link #workStarted} ended, or its coroutine no longer waits for it; on the loop's thread. */
    void workEnded();

    /**
     * Ends a coroutine early, for good, with an error thrown into it at its suspension point: a timeout. It counts
     * as a proper response if it lets an error of the same kind escape; returning or yielding is logged as an
     * improper one; any other error crashes the run like any coroutine's error. Coroutines that only it was
     * waiting for are cancelled, and so on down, so that nothing is left running for a result no one will read;
     * a coroutine that also waited for it can never have its result, and is cancelled with {@code waitersMessage}.
     *
     * @param coro a coroutine of this run, or a new one
     * @param error what to throw into it
     * @param how how its end is named in recordings and messages
     * @param waitersMessage the message of the cancellation of a coroutine that waited for it
     * @return its result if it finished first, or the error that ended it
     */
    Result<?> endEarly(Coro<?> coro, Throwable error, EarlyEnd.Naming how, String waitersMessage);

    /**
     * Ends one of the runtime's own coroutines that has nothing to clean up, without stepping it: a recorder that
     * waited for a coroutine that is about to be ended early.
     *
     * @param coro the coroutine, if still active
     * @param how how its end is named in recordings
     */
    void endQuietly(Coro<?> coro, String how);
}
