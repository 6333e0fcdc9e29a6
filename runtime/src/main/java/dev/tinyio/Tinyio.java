package dev.tinyio;

import dev.tinyio.internal.batteries.AsCompletedStepper;
import dev.tinyio.internal.batteries.CopyStepper;
import dev.tinyio.internal.batteries.Durations;
import dev.tinyio.internal.batteries.FutureStepper;
import dev.tinyio.internal.batteries.IsolateStepper;
import dev.tinyio.internal.batteries.ThreadStepper;
import dev.tinyio.internal.batteries.TimeoutStepper;
import dev.tinyio.internal.batteries.WaitStepper;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.LoopClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The batteries of tinyio: time, threads, isolation, and interop with the rest of Java. */
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
        return CoroFields.of(new WaitStepper(null, Durations.nanosOf(delay)));
    }

    /**
     * The time now, as the loop that runs the calling coroutine tells it: what its {@link TestClock} says under
     * virtual time ({@link Loop#clock}), and otherwise {@link Instant#now()}. Outside a coroutine (on a thread of
     * {@link #runInThread} too), {@link Instant#now()}.
     *
     * @return the time
     */
    public static Instant now() {
        return LoopClock.current().instant();
    }

    /**
     * Runs a coroutine with a time limit. If it has not finished within the limit, a {@link TimeoutError} is
     * thrown into it at its suspension point, it is finished for good, and the result is a failure. Only the
     * timeout becomes a failure, as in tinyio: any other error the coroutine throws, before the limit or in answer
     * to the {@code TimeoutError}, crashes the loop like any coroutine's error. To have those come back as a
     * {@link Result} too, time out an {@link #isolate} of the coroutine. Coroutines that only the timed-out one was
     * waiting for are cancelled with it, so that nothing is left running for a result no one will read.
     *
     * @param coro the coroutine, run in the background
     * @param limit the time limit
     * @param <T> its result type
     * @return a coroutine returning success with the value, or failure with the {@link TimeoutError}
     */
    public static <T> Coro<Result<T>> timeout(Coro<T> coro, Duration limit) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(limit, "limit");
        return CoroFields.of(new TimeoutStepper<>(coro, limit));
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
        return CoroFields.of(new ThreadStepper<>(Objects.requireNonNull(fn, "fn")));
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
        return CoroFields.of(new AsCompletedStepper<T>(coros));
    }

    /**
     * Runs a coroutine, and everything it yields, in a nested loop stepped from the current one: a failure inside
     * cancels only what is inside and comes back as a failed {@link Result} with the {@link Exception} that ended
     * it ({@link ExceptionGroup} included). An {@link Error} is not caught. Cancelled from outside, the isolate
     * never returns a {@code Result}: the nested run fails with that {@link CancelledError}, cancels everything
     * inside, and the isolate throws what that run throws under its mode, as in tinyio: the {@code CancelledError}
     * alone, or, if something inside threw another error while being cancelled, an {@link ExceptionGroup} headed by
     * it, which the outer loop warns about and groups like any improper response to cancellation. Uses
     * {@link GroupMode#AUTO} inside.
     *
     * @param coro the coroutine; it and what it yields must be new to the outer loop (see {@link #copy})
     * @param <T> its result type
     * @return a coroutine returning success with the value, or failure with the exception
     */
    public static <T> Coro<Result<T>> isolate(Coro<T> coro) {
        return isolate(coro, GroupMode.AUTO);
    }

    /**
     * Like {@link #isolate(Coro)}, with the group mode of the nested loop.
     *
     * @param coro the coroutine
     * @param mode what the nested loop throws on failure, and so what the failed result holds, or what the isolate
     *     throws when cancelled from outside ({@link GroupMode#ALWAYS}: always a group headed by the
     *     {@code CancelledError})
     * @param <T> its result type
     * @return a coroutine returning success with the value, or failure with the exception
     */
    public static <T> Coro<Result<T>> isolate(Coro<T> coro, GroupMode mode) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(mode, "mode");
        return CoroFields.of(new IsolateStepper<>(coro, mode));
    }

    /**
     * Schedules a coroutine on the current loop and returns a fresh coroutine with the same result (the same
     * object) or the same exception: the way to consume a coroutine of the outer loop inside an isolate.
     *
     * @param coro the coroutine to copy
     * @param <T> its result type
     * @return a coroutine returning the copy
     */
    public static <T> Coro<Coro<T>> copy(Coro<T> coro) {
        Objects.requireNonNull(coro, "coro");
        return CoroFields.of(new CopyStepper<>(coro));
    }

    /**
     * A coroutine that waits for a {@link CompletionStage} without blocking the loop's thread, and returns its
     * value or throws its exception unchanged (a {@link java.util.concurrent.CompletionException} is unwrapped).
     * Cancelling the coroutine cancels the stage, where it supports that.
     *
     * @param stage the stage
     * @param <T> its value type
     * @return the coroutine
     */
    public static <T> Coro<T> fromFuture(CompletionStage<T> stage) {
        return CoroFields.of(new FutureStepper<>(Objects.requireNonNull(stage, "stage")));
    }

    /**
     * Runs a coroutine in a new loop on a thread of its own, and returns a future of its result or error.
     * Cancelling the future, or completing it in any other way from outside ({@code orTimeout}, {@code complete}),
     * cancels the loop: every coroutine gets its {@link CancelledError} and cleans up.
     *
     * @param coro the coroutine; new to every loop
     * @param <T> its result type
     * @return the future
     */
    public static <T> CompletableFuture<T> toFuture(Coro<T> coro) {
        LoopFuture<T> future = new LoopFuture<>(Objects.requireNonNull(coro, "coro"));
        future.start();
        return future;
    }
}
