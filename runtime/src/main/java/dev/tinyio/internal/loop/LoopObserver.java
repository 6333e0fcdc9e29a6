package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.Step;

/** Told of each step and each end of the coroutines a loop runs: how a recording of the loop's runs is made. */
public interface LoopObserver {
    /**
     * A coroutine is about to step: its wait, if any, ends now.
     *
     * @param coro the coroutine
     */
    void stepping(Coro<?> coro);

    /**
     * A coroutine stepped: its running span ends, and if it yielded, a wait begins.
     *
     * @param coro the coroutine
     * @param outcome how the step ended
     * @param out what it yielded, returned or threw
     */
    void stepped(Coro<?> coro, Step.Outcome outcome, Step out);

    /**
     * A coroutine failed outside its own step, with an error thrown into it or by the loop.
     *
     * @param coro the coroutine
     * @param error what it failed with
     */
    void failed(Coro<?> coro, Throwable error);

    /**
     * A coroutine ended outside its own step (timed out, cancelled as an orphan): its wait, if any, ends now.
     *
     * @param coro the coroutine
     * @param how how it ended, as the recording should name it
     */
    void ended(Coro<?> coro, String how);

    /**
     * A coroutine is being cancelled: its cleanup step begins.
     *
     * @param coro the coroutine
     */
    void cancelled(Coro<?> coro);

    /**
     * The loop's thread waited, with nothing to step, for a wake-up or a deadline.
     *
     * @param since when it began to wait, as {@link System#nanoTime()}
     * @param until when it was woken
     */
    void idle(long since, long until);

    /**
     * A cancelled coroutine's cleanup step ended.
     *
     * @param coro the coroutine
     */
    void cleanedUp(Coro<?> coro);
}
