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
import org.junit.jupiter.api.Test;

/**
 * Races between work finishing (a thread, a permit handed over) and the coroutine waiting for it being cancelled
 * or timed out: nothing is lost, nothing runs twice, and the error that ends the run is the right one.
 */
class HandOverRacesTest {

    /**
     * A thread fails on its own just as its timeout fires: the run fails with that error, and nothing else. The
     * thread's step flags its failure as concurrent on the shared Step, and the flag, never cleared on the
     * fail path of TimeOuts, is read by the first cancellation, which is grouped as a "concurrent failure".
     */
    @Test
    void a_thread_failing_as_its_timeout_fires_fails_the_run_with_its_error_alone() {
        long limitMs = 100;
        IOException boom = new IOException("boom");
        CountDownLatch go = new CountDownLatch(1);
        Coro<Object> inThread = Tinyio.runInThread(() -> {
            go.await();
            throw boom;
        });
        Coro<Result<Object>> timed = Tinyio.timeout(inThread, Duration.ofMillis(limitMs));
        int[] steps = {0};
        Coro<Void> busy = Coro.ofVoid(() -> {
            while (true) {
                steps[0]++;
                if (steps[0] == 10) {
                    Thread.sleep(limitMs + 100); // the deadline passes while the loop is busy
                }
                if (steps[0] == 11) {
                    go.countDown(); // the thread fails while the timed-out coroutine is queued
                    Thread.sleep(300);
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
     * Tinyio.timeout(pool.runInThread(fn)) whose slot is handed over just as the timeout fires: the acquirer got
     * the permit, but the pooled call, timed out before it resumed with it, never closes it. The slot is gone
     * for good: every later call on the pool hangs.
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
                    Thread.sleep(limitMs + 100); // the second call's acquirer was just handed the slot
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

    /** The same with a Lock used directly: the lock stays locked for ever. */
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
            Thread.sleep(limitMs + 100);
            p.close();
        });
        Result<Permit> after = new Loop().run(Coro.of(() -> {
            Coro.yield(List.of(holder, timed));
            return Coro.yield(Tinyio.timeout(lock.acquire(), Duration.ofSeconds(1)));
        }));
        assertTrue(after.success(), "the lock was lost");
    }

    /**
     * ThreadPool(1) shared by two loops: when one is cancelled, its pooled call gives the slot back before its
     * thread is interrupted and joined, so the other loop's function runs alongside a thread still running.
     */
    @Test
    void a_cancelled_pooled_call_keeps_its_slot_until_its_thread_is_joined() throws Exception {
        ThreadPool pool = new ThreadPool(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch aStarted = new CountDownLatch(1);
        CompletableFuture<Integer> a = Tinyio.toFuture(pool.runInThread(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            aStarted.countDown();
            long end = System.nanoTime() + 500_000_000L; // deaf to interrupts for half a second
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            running.decrementAndGet();
            return 1;
        }));
        assertTrue(aStarted.await(5, TimeUnit.SECONDS));
        CompletableFuture<Integer> b = Tinyio.toFuture(pool.runInThread(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(50);
            running.decrementAndGet();
            return 2;
        }));
        Thread.sleep(100); // b queues for the slot
        a.cancel(true);
        assertEquals(2, b.get(5, TimeUnit.SECONDS));
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
