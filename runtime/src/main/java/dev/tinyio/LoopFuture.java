package dev.tinyio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The future of {@link Tinyio#toFuture}: a loop runs the coroutine on a thread of its own and completes this
 * future with the result or the error. Completing the future from outside in any way (cancelling it, its
 * {@code orTimeout}, {@code complete}) aborts the loop, so every coroutine gets its {@link CancelledError} and
 * cleans up.
 */
final class LoopFuture<T> extends CompletableFuture<T> {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Thread thread;
    /** Whether the future is complete: when the loop has not finished, someone else completed it. */
    private volatile boolean futureDone;

    LoopFuture(Coro<T> coro) {
        this.thread = new Thread(() -> drive(coro), "tinyio-loop-" + THREADS.incrementAndGet());
        // Completed by anyone but the loop (cancel, orTimeout, complete...): no one will read the result, so stop.
        whenComplete((value, error) -> {
            futureDone = true;
            LockSupport.unpark(thread);
        });
    }

    void start() {
        thread.start();
    }

    private void drive(Coro<T> coro) {
        try {
            Loop.Run<T> run = new Loop().start(coro);
            while (!run.isFinished()) {
                if (futureDone) {
                    run.abort(new CancelledError("The future of this loop was completed from outside (cancelled, "
                            + "timed out, or completed by hand), so no one waits for its result"));
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
}
