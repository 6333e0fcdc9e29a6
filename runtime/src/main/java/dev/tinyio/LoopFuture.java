package dev.tinyio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The future of {@link Tinyio#toFuture}: a loop runs the coroutine on a thread of its own and completes this
 * future with the result or the error. Cancelling the future aborts the loop, so every coroutine gets its
 * {@link CancelledError} and cleans up.
 */
final class LoopFuture<T> extends CompletableFuture<T> {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Thread thread;
    private volatile boolean cancelRequested;

    LoopFuture(Coro<T> coro) {
        this.thread = new Thread(() -> drive(coro), "tinyio-loop-" + THREADS.incrementAndGet());
    }

    void start() {
        thread.start();
    }

    private void drive(Coro<T> coro) {
        try {
            Loop.Run<T> run = new Loop().start(coro);
            while (!run.isFinished()) {
                if (cancelRequested) {
                    run.abort(new CancelledError("The future of this loop was cancelled"));
                }
                if (!run.step()) {
                    run.awaitWakeUp();
                }
            }
            complete(run.result());
        } catch (Throwable failure) {
            completeExceptionally(failure);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            cancelRequested = true;
            LockSupport.unpark(thread);
        }
        return cancelled;
    }
}
