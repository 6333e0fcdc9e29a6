package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Bridges to CompletableFuture, both ways. */
class InteropTest {
    @Test
    void a_future_completed_on_another_thread_wakes_the_coroutine() throws Exception {
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread loopThread = Thread.currentThread();
        Thread completer = new Thread(() -> {
            Parked.await(loopThread); // the loop has nothing to step but the wait for the future
            future.complete("done");
        });
        List<String> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(
                Tinyio.fromFuture(future),
                Coro.of(() -> {
                    completer.start();
                    return "scheduled";
                })))));
        completer.join();
        assertEquals(List.of("done", "scheduled"), out);
    }

    @Test
    void a_failed_future_throws_its_exception_unchanged() {
        IllegalStateException original = new IllegalStateException("failed");
        assertSame(original, assertThrows(IllegalStateException.class,
                () -> new Loop().run(Tinyio.fromFuture(CompletableFuture.failedFuture(original)))));
        assertSame(original, assertThrows(IllegalStateException.class, () -> new Loop().run(Tinyio.fromFuture(
                CompletableFuture.completedFuture(1).thenApply(x -> {
                    throw original;
                })))));
    }

    @Test
    void cancelling_the_coroutine_cancels_the_future() {
        CompletableFuture<String> never = new CompletableFuture<>();
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(java.util.Set.of(Tinyio.fromFuture(never)));
            Coro.yield();
            throw new IllegalStateException("cancel everything");
        })));
        assertTrue(never.isCancelled());
    }

    @Test
    void to_future_runs_a_loop_on_its_own_thread() throws Exception {
        String[] threadName = new String[1];
        CompletableFuture<Integer> future = Tinyio.toFuture(Coro.of(() -> {
            threadName[0] = Thread.currentThread().getName();
            Coro.yield(Tinyio.sleep(Duration.ofMillis(10)));
            return 42;
        }));
        assertEquals(42, future.get(30, TimeUnit.SECONDS));
        assertTrue(threadName[0].startsWith("tinyio-loop-"), threadName[0]);
    }

    @Test
    void to_future_completes_exceptionally_with_the_error() {
        CompletableFuture<Integer> future = Tinyio.toFuture(Coro.of(() -> {
            Coro.yield();
            throw new IllegalStateException("in the loop");
        }));
        ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        assertEquals("in the loop", error.getCause().getMessage());
    }

    @Test
    void cancelling_the_future_cancels_every_coroutine() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(2);
        AtomicBoolean finishedNormally = new AtomicBoolean();
        CompletableFuture<Void> future = Tinyio.toFuture(Coro.ofVoid(() -> {
            Coro<Void> child = Coro.ofVoid(() -> {
                try {
                    started.countDown();
                    Coro.yield(Tinyio.sleep(Duration.ofSeconds(60)));
                } finally {
                    cleanedUp.countDown();
                }
            });
            try {
                Coro.yield(child);
                finishedNormally.set(true);
            } finally {
                cleanedUp.countDown();
            }
        }));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertTrue(future.cancel(true));
        assertTrue(cleanedUp.await(30, TimeUnit.SECONDS), "not every coroutine cleaned up");
        assertThrows(CancellationException.class, future::join);
        assertTrue(!finishedNormally.get());
    }

    @Test
    void a_future_completed_from_outside_in_any_way_stops_its_loop() throws Exception {
        CountDownLatch cleanedUp = new CountDownLatch(1);
        CompletableFuture<Void> future = Tinyio.toFuture(Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield(Tinyio.sleep(Duration.ofMillis(10)));
                }
            } finally {
                cleanedUp.countDown();
            }
        }));
        future.orTimeout(100, TimeUnit.MILLISECONDS);
        assertTrue(cleanedUp.await(10, TimeUnit.SECONDS), "the loop's thread ran on after its future timed out");
    }

    /** A stage that cannot be cancelled may run on long after its run has ended: it keeps nothing of the run. */
    @Test
    void a_stage_outliving_its_run_keeps_nothing_of_the_run_reachable() {
        CompletableFuture<Integer> never = new CompletableFuture<>();
        WeakReference<Coro<Void>> root = runAndForget(never.minimalCompletionStage());
        for (int attempt = 0; attempt < 5 && root.get() != null; attempt++) {
            System.gc();
        }
        assertNull(root.get(), "the run's root coroutine is still reachable from the stage");
        assertFalse(never.isDone());
    }

    /** Runs a loop that waits for the stage in the background and then fails; returns its root, weakly held. */
    private static WeakReference<Coro<Void>> runAndForget(CompletionStage<Integer> stage) {
        Coro<Void> root = Coro.ofVoid(() -> {
            Coro.yield(java.util.Set.of(Tinyio.fromFuture(stage)));
            Coro.yield();
            throw new IllegalStateException("ends the run");
        });
        assertThrows(IllegalStateException.class, () -> new Loop().run(root));
        return new WeakReference<>(root);
    }
}
