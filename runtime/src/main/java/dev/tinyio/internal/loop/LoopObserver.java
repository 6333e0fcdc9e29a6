package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.Step;

/** Told of each step and each end of the coroutines a loop runs: how a recording of the loop's runs is made. */
public interface LoopObserver {
    /**
     * The observer of a loop no one observes. Never {@code null}, so that a step calls its observer without a test,
     * and this interface is loaded with the loop: C2 declines to inline a method whose signature names a class not
     * yet loaded, and would otherwise leave a call in every step.
     */
    LoopObserver NONE = new Unobserved();
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
     * @param clock the run's clock, which the times read
     * @param since when it began to wait, as {@link LoopClock#nanoTime()}
     * @param until when it was woken; on a virtual clock, past the deadline it jumped to
     */
    void idle(LoopClock clock, long since, long until);

    /**
     * A cancelled coroutine's cleanup step ended.
     *
     * @param coro the coroutine
     */
    void cleanedUp(Coro<?> coro);

    /** {@link #NONE}: nothing to tell. */
    final class Unobserved implements LoopObserver {
        private Unobserved() {
        }

        @Override
        public void stepping(Coro<?> coro) {
        }

        @Override
        public void stepped(Coro<?> coro, Step.Outcome outcome, Step out) {
        }

        @Override
        public void failed(Coro<?> coro, Throwable error) {
        }

        @Override
        public void ended(Coro<?> coro, String how) {
        }

        @Override
        public void cancelled(Coro<?> coro) {
        }

        @Override
        public void idle(LoopClock clock, long since, long until) {
        }

        @Override
        public void cleanedUp(Coro<?> coro) {
        }
    }
}
