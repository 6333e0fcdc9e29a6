package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.GroupMode;
import dev.tinyio.Lock;
import dev.tinyio.Loop;
import dev.tinyio.Permit;
import dev.tinyio.Result;
import dev.tinyio.ThreadPool;
import dev.tinyio.Tinyio;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Races between work finishing (a thread, a permit handed over) and the coroutine waiting for it being cancelled
 * or timed out: nothing is lost, nothing runs twice, and the error that ends the run is the right one.
 */
class HandOverRacesTest {

    /**
     * A thread fails on its own just as its timeout fires: the run fails with that error alone. The thread's
     * failure is the only one that arrived at that moment, so none of the cancellations that follow is grouped
     * with it as another.
     */
    @Test
    void a_thread_failing_as_its_timeout_fires_fails_the_run_with_its_error_alone() {
        long limitMs = 100;
        IOException boom = new IOException("boom");
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch workerStarted = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Coro<Object> inThread = Tinyio.runInThread(() -> {
            worker.set(Thread.currentThread());
            workerStarted.countDown();
            go.await();
            throw boom;
        });
        Coro<Result<Object>> timed = Tinyio.timeout(inThread, Duration.ofMillis(limitMs));
        int[] steps = {0};
        Coro<Void> busy = Coro.ofVoid(() -> {
            while (true) {
                steps[0]++;
                if (steps[0] == 10) {
                    // A step that overruns the deadline, registered steps ago: it has passed once this returns.
                    Thread.sleep(limitMs + 100);
                }
                if (steps[0] == 11) {
                    // The thread fails while the timed-out coroutine is queued; once the thread has ended, its
                    // failure is handed to the loop, which takes it with the timeout before its next step.
                    workerStarted.await();
                    go.countDown();
                    worker.get().join();
                    return;
                }
                Coro.yield();
            }
        });
        Throwable thrown = assertThrows(Throwable.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(busy));
            Coro.yield(timed);
        }), GroupMode.NEVER));
        assertSame(boom, thrown, () -> "expected the thread's error alone, got " + thrown);
    }

    /**
     * Tinyio.timeout(pool.runInThread(fn)) whose slot is handed over just as the timeout fires: the acquirer has
     * the permit, but the pooled call times out before it resumes with it. The permit goes back to the pool, and a
     * later call on the pool gets the slot.
     */
    @Test
    void a_pool_slot_handed_over_as_the_call_times_out_is_not_lost() throws Exception {
        ThreadPool pool = new ThreadPool(1);
        long limitMs = 300;
        CountDownLatch go = new CountDownLatch(1);
        Coro<Integer> first = pool.runInThread(() -> {
            go.await();
            return 1;
        });
        Coro<Result<Integer>> second = Tinyio.timeout(pool.runInThread(() -> 2), Duration.ofMillis(limitMs));
        Coro<Void> busy = Coro.ofVoid(() -> {
            for (int i = 0; ; i++) {
                if (i == 20) {
                    go.countDown();
                }
                if (first.isDone()) {
                    // The second call's acquirer was just handed the slot; this step overruns its deadline.
                    Thread.sleep(limitMs + 100);
                    return;
                }
                Coro.yield();
            }
        });
        new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(first, second, busy))));
        CompletableFuture<Integer> later = Tinyio.toFuture(pool.runInThread(() -> 3));
        try {
            assertEquals(3, later.get(3, TimeUnit.SECONDS), "the pool's only slot was lost");
        } finally {
            later.cancel(true);
        }
    }

    /** The same with a Lock used directly: the lock handed to an acquirer that timed out can be taken again. */
    @Test
    void a_lock_handed_over_as_its_acquirer_times_out_is_not_lost() {
        Lock lock = new Lock();
        long limitMs = 100;
        Coro<Void> waiter = Coro.ofVoid(() -> {
            try (Permit p = Coro.yield(lock.acquire())) {
                // use the lock
            }
        });
        Coro<Result<Void>> timed = Tinyio.timeout(waiter, Duration.ofMillis(limitMs));
        Coro<Void> holder = Coro.ofVoid(() -> {
            Permit p = Coro.yield(lock.acquire());
            for (int i = 0; i < 10; i++) {
                Coro.yield();
            }
            Thread.sleep(limitMs + 100); // the waiter's deadline passes while the loop is busy
            p.close();
        });
        Result<Permit> after = new Loop().run(Coro.of(() -> {
            Coro.yield(List.of(holder, timed));
            return Coro.yield(Tinyio.timeout(lock.acquire(), Duration.ofSeconds(1)));
        }));
        assertTrue(after.success(), "the lock was lost");
    }

    /**
     * ThreadPool(1) shared by two loops: a pooled call cancelled in one keeps its slot until its thread, slow to
     * answer the interrupt, has been joined, so the other loop's function never runs beside it.
     */
    @Test
    void a_cancelled_pooled_call_keeps_its_slot_until_its_thread_is_joined() throws Exception {
        ThreadPool pool = new ThreadPool(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch aStarted = new CountDownLatch(1);
        CountDownLatch bStarted = new CountDownLatch(1);
        CompletableFuture<Integer> a = Tinyio.toFuture(pool.runInThread(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            aStarted.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException cancelled) {
                // Slow to end once interrupted: given half a second, b would start meanwhile if it could.
                bStarted.await(500, TimeUnit.MILLISECONDS);
            }
            running.decrementAndGet();
            return 1;
        }));
        assertTrue(aStarted.await(5, TimeUnit.SECONDS));
        int[] b = {0};
        Thread bLoop = new Thread(() -> b[0] = new Loop().run(pool.runInThread(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            bStarted.countDown();
            running.decrementAndGet();
            return 2;
        })));
        bLoop.start();
        Parked.await(bLoop); // b's loop has nothing to step: its call waits for the slot
        a.cancel(true);
        bLoop.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(bLoop.isAlive(), "b never got the slot");
        assertEquals(2, b[0]);
        assertEquals(1, most.get(), "ThreadPool(1) ran two functions at once");
    }

    /**
     * Only the library's own permits are released when they cannot be delivered: a permit of the user's own
     * making, on its way to a coroutine that times out, is the user's to handle.
     */
    @Test
    void a_permit_of_the_users_own_making_is_never_closed_by_the_loop() {
        AtomicBoolean closed = new AtomicBoolean();
        Permit mine = () -> closed.set(true);
        long limitMs = 100;
        Coro<Permit> giver = Coro.of(() -> {
            for (int i = 0; i < 10; i++) {
                Coro.yield();
            }
            Thread.sleep(limitMs + 100); // the taker's deadline passes while the loop is busy
            return mine;
        });
        Coro<Permit> relay = Coro.of(() -> Coro.yield(giver));
        Coro<Void> taker = Coro.ofVoid(() -> {
            try (Permit p = Coro.yield(relay)) {
                // use it
            }
        });
        Result<Void> timedOut = new Loop().run(Tinyio.timeout(taker, Duration.ofMillis(limitMs)));
        assertFalse(timedOut.success(), "the taker was to time out while queued with the permit");
        assertFalse(closed.get(), "the loop closed a permit it did not make");
    }
}
