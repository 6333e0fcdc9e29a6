package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
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
        return new Coro<>(new PooledCall<>(Objects.requireNonNull(fn, "fn")));
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
        return new Coro<>(new Gather<>(calls));
    }

    /** The body of {@link #runInThread}: take a slot, run on a thread, give the slot back. */
    private final class PooledCall<T> implements Stepper {
        private final Callable<T> fn;
        private Permit permit;
        private boolean started;

        PooledCall(Callable<T> fn) {
            this.fn = fn;
        }

        @Override
        public int step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                release();
                return out.threw(thrown);
            }
            if (!started) {
                started = true;
                return out.yielded(Step.ONE, slots.acquire());
            }
            if (permit == null) {
                permit = (Permit) value;
                return out.yielded(Step.ONE, Tinyio.runInThread(fn));
            }
            release();
            return out.returned(value);
        }

        private void release() {
            if (permit != null) {
                permit.close();
                permit = null;
            }
        }

        @Override
        public StackTraceElement[] suspendedTrace() {
            return NativeSteppers.NO_FRAMES;
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
        public int step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                return out.threw(thrown);
            }
            if (!yielded) {
                yielded = true;
                return out.yielded(Step.LIST, calls);
            }
            return out.returned(value);
        }

        @Override
        public StackTraceElement[] suspendedTrace() {
            return NativeSteppers.NO_FRAMES;
        }

        @Override
        public String toString() {
            return "ThreadPool.map";
        }
    }
}
