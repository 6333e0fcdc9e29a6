package dev.tinyio.internal.batteries;

import dev.tinyio.CancelledError;
import dev.tinyio.internal.loop.Forewarned;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body of {@code Tinyio.runInThread}: starts the function on a new thread, waits for it without blocking the
 * loop, and returns its result or throws its exception. Cancelled, it interrupts the thread and joins it.
 *
 * @param <T> the type the function returns
 */
public final class ThreadStepper<T> implements Stepper, Forewarned {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Callable<T> function;
    /** Set by the thread when it ends, which wakes the loop. */
    private final Signal finished = new Signal();
    private final Wait wait = new Wait(finished, Wait.NO_TIMEOUT);
    private Thread thread;
    /** Written by the thread before it sets {@link #finished}. */
    private volatile T result;
    /** Written by the thread before it sets {@link #finished}; {@code null} if it returned. */
    private volatile Throwable failure;
    /** Whether the thread was interrupted ahead of its coroutine's cancellation, when its run failed. */
    private boolean interruptedEarly;
    /** Whether, when it was interrupted early, the function had already failed on its own. */
    private boolean failedBeforeInterrupt;

    /**
     * The body of a {@code runInThread} coroutine.
     *
     * @param function the blocking function
     */
    public ThreadStepper(Callable<T> function) {
        this.function = function;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thread == null) {
            if (thrown != null) {
                return out.threw(thrown);
            }
            thread = new Thread(this::runFunction, "tinyio-thread-" + THREADS.incrementAndGet());
            thread.start();
            return out.yielded(Step.Request.WAIT, wait);
        }
        if (thrown != null) {
            return cancel(thrown, out);
        }
        return failure != null ? out.threw(failure) : out.returned(result);
    }

    private void runFunction() {
        try {
            result = function.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            finished.set();
        }
    }

    /**
     * Interrupts and joins the thread. It responded properly if it ended by an interrupt, a cancellation, or by
     * returning; anything else it threw is reported, and if it had already failed before being interrupted, that
     * failure is one of several at once, grouped with the original.
     */
    private Step.Outcome cancel(Throwable cancellation, Step out) {
        wait.cancel();
        // Written only once the function has ended: set before the interrupt, the failure is the function's own.
        boolean failedAlready = interruptedEarly ? failedBeforeInterrupt : failure != null;
        if (!interruptedEarly) {
            // Interrupted once only: a second interrupt would cut the thread's own cleanup short.
            thread.interrupt();
        }
        joinUninterruptibly();
        Throwable ended = failure;
        if (failedAlready) {
            out.concurrentFailure = true;
            return out.threw(ended);
        }
        if (ended == null || ended instanceof InterruptedException || ended instanceof CancelledError) {
            return out.threw(cancellation);
        }
        return out.threw(ended);
    }

    /** Its run is failing: the thread is interrupted now, beside every other, and joined at its coroutine's turn. */
    @Override
    public void cancellationComing() {
        if (thread != null && !interruptedEarly) {
            interruptedEarly = true;
            failedBeforeInterrupt = failure != null;
            thread.interrupt();
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "runInThread(" + function + ")";
    }
}
