package dev.tinyio;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/** The batteries of tinyio: time, threads, and (as they land) isolation and interop. */
public final class Tinyio {
    private Tinyio() {
    }

    /**
     * A coroutine that waits for a delay without blocking the loop or using a thread.
     *
     * @param delay how long to wait; zero or negative waits for the next turn of the loop's timers
     * @return the coroutine
     */
    public static Coro<Void> sleep(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new Coro<>(new WaitStepper(new Wait(null, nanosOf(delay)), "Tinyio.sleep(" + delay + ")"));
    }

    /**
     * Runs a coroutine with a time limit. If it has not finished within the limit, a {@link TimeoutError} is
     * thrown into it at its suspension point, it is finished for good, and the result is a failure.
     *
     * @param coro the coroutine, run in the background
     * @param limit the time limit
     * @param <T> its result type
     * @return a coroutine returning success with the value, or failure with the {@link TimeoutError}
     */
    public static <T> Coro<Result<T>> timeout(Coro<T> coro, Duration limit) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(limit, "limit");
        return new Coro<>(new TimeoutStepper<>(coro, limit));
    }

    /**
     * Runs a blocking function on a new thread without blocking the loop. Its result or exception comes back to
     * the coroutine; if the coroutine is cancelled, the thread is interrupted and joined.
     *
     * @param fn the function
     * @param <T> its result type
     * @return a coroutine returning its result, or throwing its exception
     */
    public static <T> Coro<T> runInThread(Callable<T> fn) {
        return new Coro<>(new ThreadStepper<>(Objects.requireNonNull(fn, "fn")));
    }

    /**
     * Starts coroutines in the background and returns one coroutine per completion, in completion order: the
     * first returns the result of whichever finishes first, and so on. They may be awaited in any order.
     *
     * @param coros the coroutines, started in the set's iteration order
     * @param <T> their result type
     * @return a coroutine returning the completions
     */
    public static <T> Coro<Iterable<Coro<T>>> asCompleted(Set<? extends Coro<? extends T>> coros) {
        Objects.requireNonNull(coros, "coros");
        for (Coro<? extends T> coro : coros) {
            Objects.requireNonNull(coro, "asCompleted needs a set of coroutines, and one of them is null");
        }
        return new Coro<>(new AsCompletedStepper<T>(coros));
    }

    /** A duration in nanoseconds for a deadline: never negative, and far-future rather than overflowing. */
    static long nanosOf(Duration duration) {
        try {
            return Math.max(0, duration.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }
}
