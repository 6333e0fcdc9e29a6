package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.ThreadPool;
import dev.tinyio.Tinyio;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Blocking work on threads: results and errors cross back, cancellation interrupts and joins. */
class ThreadsTest {
    @Test
    void a_result_comes_back_from_the_thread() {
        String out = new Loop().run(Tinyio.runInThread(() -> Thread.currentThread().getName()));
        assertTrue(out.startsWith("tinyio-thread-"), out);
    }

    @Test
    void an_exception_from_the_thread_comes_out_unchanged_with_the_waiters_frames() {
        IllegalStateException original = new IllegalStateException("in thread");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new Loop().run(Coro.of(() -> Coro.yield(Tinyio.runInThread(() -> {
                    throw original;
                })))));
        assertSame(original, thrown);
        boolean waiterFrame = false;
        for (StackTraceElement element : thrown.getStackTrace()) {
            waiterFrame |= element.getMethodName().startsWith("lambda$an_exception_from_the_thread");
        }
        assertTrue(waiterFrame, "the waiting coroutine's frame is missing from the trace");
    }

    @Test
    void the_loop_keeps_running_coroutines_while_a_thread_blocks() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> log = new ArrayList<>();
        new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(
                Tinyio.runInThread(() -> release.await(30, TimeUnit.SECONDS)),
                Coro.ofVoid(() -> {
                    for (int i = 0; i < 3; i++) {
                        log.add("tick");
                        Coro.yield();
                    }
                    release.countDown();
                })))));
        assertEquals(List.of("tick", "tick", "tick"), log);
    }

    @Test
    void cancellation_interrupts_and_joins_the_thread() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(
                Tinyio.runInThread(() -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw e;
                    }
                    return null;
                }),
                Tinyio.runInThread(() -> {
                    started.await();
                    throw new IllegalStateException("fails while the other sleeps");
                }))))));
        assertEquals(1, interrupted.get(), "joined before run returned");
    }

    @Test
    void a_thread_that_fails_otherwise_when_interrupted_is_reported() {
        CountDownLatch started = new CountDownLatch(1);
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(Tinyio.runInThread(() -> {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IllegalArgumentException("cleanup went wrong");
                }
                return null;
            })));
            started.await();
            throw new IllegalStateException("boom");
        })));
        assertEquals("boom", group.exceptions().get(0).getMessage());
        assertEquals("cleanup went wrong", group.exceptions().get(1).getMessage());
    }

    @Test
    void several_threads_failing_at_once_make_a_group_in_every_mode() {
        for (GroupMode mode : GroupMode.values()) {
            List<Thread> workers = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch allStarted = new CountDownLatch(3);
            List<Coro<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int index = i;
                calls.add(Tinyio.runInThread(() -> {
                    workers.add(Thread.currentThread());
                    allStarted.countDown();
                    throw new IllegalStateException("thread " + index);
                }));
            }
            ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
                Coro.yield(new java.util.LinkedHashSet<>(calls));
                // Hold the loop until every thread has failed, so that their failures arrive together.
                allStarted.await();
                for (Thread worker : List.copyOf(workers)) {
                    worker.join();
                }
                Coro.yield(calls);
            }), mode), mode.name());
            Set<String> messages = new HashSet<>();
            for (Throwable member : group.exceptions()) {
                if (member instanceof IllegalStateException) {
                    messages.add(member.getMessage());
                }
            }
            assertEquals(Set.of("thread 0", "thread 1", "thread 2"), messages, mode.name());
        }
    }

    @Test
    void a_pool_runs_at_most_its_size_at_once() {
        for (boolean viaMap : new boolean[] {false, true}) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            ThreadPool pool = new ThreadPool(2);
            List<Integer> inputs = List.of(0, 1, 2, 3, 4, 5, 6, 7);
            // Calls meet in pairs, eight of them, so that both slots are in use before either of a pair ends; then
            // each blocks a while, as pooled work does, and a pool that let more through would run them beside it.
            CyclicBarrier pair = new CyclicBarrier(2);
            ThrowingWork work = x -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                pair.await(30, TimeUnit.SECONDS);
                Thread.sleep(20);
                running.decrementAndGet();
                return x * 10;
            };
            List<Integer> out = new Loop().run(viaMap ? pool.map(work::apply, inputs) : Coro.of(() -> {
                List<Coro<Integer>> calls = new ArrayList<>();
                for (int x : inputs) {
                    calls.add(pool.runInThread(() -> work.apply(x)));
                }
                return Coro.yield(calls);
            }));
            assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 70), out);
            assertTrue(most.get() <= 2, "ran " + most.get() + " at once");
            assertEquals(2, most.get(), "ran " + most.get() + " at once");
        }
    }

    @Test
    void a_pool_needs_a_positive_size() {
        assertEquals("A ThreadPool needs a positive number of threads, not 0",
                assertThrows(IllegalArgumentException.class, () -> new ThreadPool(0)).getMessage());
    }

    @Test
    void an_error_from_a_pool_thread_comes_out() {
        ThreadPool pool = new ThreadPool(1);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new Loop().run(
                pool.map(x -> {
                    if (x == 2) {
                        throw new IllegalStateException("bad " + x);
                    }
                    return x;
                }, List.of(1, 2, 3))));
        assertEquals("bad 2", thrown.getMessage());
        assertInstanceOf(Integer.class, new Loop().run(pool.runInThread(() -> 5)), "the pool's slot was released");
    }

    /** Work for the pool tests. */
    @FunctionalInterface
    interface ThrowingWork {
        int apply(int x) throws Exception;
    }

    /**
     * When a run fails, every thread it runs is interrupted before any is joined: each thread's cleanup here waits
     * until all of them have been interrupted, which a cancellation that interrupted and joined them one after
     * another would never let happen. The coroutines are still cancelled in the order the loop knows them.
     */
    @Test
    void a_failing_run_interrupts_all_its_threads_before_it_joins_any() {
        int threads = 8;
        CountDownLatch started = new CountDownLatch(threads);
        CountDownLatch interrupted = new CountDownLatch(threads);
        List<String> cancelled = new ArrayList<>();
        List<Coro<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = "task " + i;
            tasks.add(Coro.ofVoid(name, () -> {
                try {
                    Coro.yield(Tinyio.runInThread(() -> untilInterrupted(started, interrupted)));
                } finally {
                    cancelled.add(name);
                }
            }));
        }
        Coro<Void> failing = Coro.ofVoid(() -> {
            Coro.yield(Tinyio.runInThread(() -> {
                started.await();
                return null;
            }));
            throw new IllegalStateException("every thread has started");
        });
        List<Coro<?>> all = new ArrayList<>(tasks);
        all.add(failing);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new Loop().run(Coro.of(() -> Coro.yield(all))));
        assertEquals("every thread has started", error.getMessage());
        List<String> inOrder = new ArrayList<>();
        for (Coro<Void> task : tasks) {
            inOrder.add(task.name());
        }
        assertEquals(inOrder, cancelled);
    }

    /** Runs until interrupted, then cleans up only once every such thread has been interrupted. */
    private static Void untilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted.countDown();
        }
        try {
            assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the other threads were not interrupted meanwhile");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return null;
    }
}
