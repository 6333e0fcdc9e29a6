package dev.tinyio;

import dev.tinyio.internal.batteries.ThreadStepper;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.Forewarned;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** Runs blocking functions on threads, at most a fixed number at a time; each call is a coroutine. */
public final class ThreadPool {
    /** One permit per thread that may run at once. */
    private final Semaphore slots;

    /**
     * A pool.
     *
     * @param maxThreads how many functions may run at once
     * @throws IllegalArgumentException if {@code maxThreads} is not positive
     */
    public ThreadPool(int maxThreads) {
        if (maxThreads <= 0) {
            throw new IllegalArgumentException("A ThreadPool needs a positive number of threads, not " + maxThreads);
        }
        this.slots = new Semaphore(maxThreads);
    }

    /**
     * Like {@link Tinyio#runInThread}, but waits for a free slot first.
     *
     * @param fn the blocking function
     * @param <T> its result type
     * @return a coroutine returning its result, or throwing its exception
     */
    public <T> Coro<T> runInThread(Callable<T> fn) {
        return CoroFields.of(new PooledCall<>(Objects.requireNonNull(fn, "fn")));
    }

    /**
     * Applies a function to each element on the pool's threads, and returns the results in order.
     *
     * @param fn the function
     * @param xs the elements
     * @param <X> the element type
     * @param <T> the result type
     * @return a coroutine returning the results
     */
    public <X, T> Coro<List<T>> map(ThrowingFunction<? super X, ? extends T> fn, Iterable<X> xs) {
        Objects.requireNonNull(fn, "fn");
        List<Coro<T>> calls = new ArrayList<>();
        for (X x : xs) {
            calls.add(runInThread(() -> fn.apply(x)));
        }
        return CoroFields.of(new Gather<>(calls));
    }

    /**
     * The body of {@link #runInThread}: take a slot, run on a thread, give the slot back. The thread is run by a
     * {@link ThreadStepper} stepped inline, so that a cancellation interrupts and joins it before the slot is
     * given back.
     */
    private final class PooledCall<T> implements Stepper, Forewarned {
        private final Callable<T> fn;
        private boolean started;
        private Permit permit;
        private ThreadStepper<T> call;

        PooledCall(Callable<T> fn) {
            this.fn = fn;
        }

        @Override
        public Step.Outcome step(Object value, Throwable thrown, Step out) {
            if (permit == null) {
                if (thrown != null) {
                    return out.threw(thrown);
                }
                if (!started) {
                    started = true;
                    return out.yielded(Step.Request.ONE, slots.acquire());
                }
                permit = (Permit) value;
                call = new ThreadStepper<>(fn);
            }
            Step.Outcome outcome = call.step(value, thrown, out);
            if (outcome != Step.Outcome.YIELDED) {
                permit.close();
                permit = null;
            }
            return outcome;
        }

        @Override
        public void cancellationComing() {
            if (call != null) {
                call.cancellationComing();
            }
        }

        @Override
        public String toString() {
            return "ThreadPool.runInThread(" + fn + ")";
        }
    }

    /** Yields a list of coroutines once and returns their results. */
    private static final class Gather<T> implements Stepper {
        private final List<Coro<T>> calls;
        private boolean yielded;

        Gather(List<Coro<T>> calls) {
            this.calls = calls;
        }

        @Override
        public Step.Outcome step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                return out.threw(thrown);
            }
            if (!yielded) {
                yielded = true;
                return out.yielded(Step.Request.LIST, calls);
            }
            return out.returned(value);
        }

        @Override
        public String toString() {
            return "ThreadPool.map";
        }
    }
}
