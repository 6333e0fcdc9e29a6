package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nested loops: isolate and copy, after tinyio's own tests. */
class IsolateTest {
    /** A one-element queue of tinyio's tests. */
    static final class SingleElementQueue {
        private final Event full = new Event();
        private Integer element;

        void put(int x) {
            if (element != null) {
                throw new IllegalStateException("Queue is full");
            }
            element = x;
            full.set();
        }

        Coro<Integer> get() {
            return Coro.of(() -> {
                Coro.yield(full.await());
                full.clear();
                int x = element;
                element = null;
                return x;
            });
        }
    }

    private static Coro<Integer> maybeIsolate(Coro<Integer> coro, boolean isolate) {
        if (!isolate) {
            return coro;
        }
        return Coro.of(() -> Coro.yield(Tinyio.isolate(coro)).value());
    }

    @Test
    void both_loops_make_progress_together() {
        for (boolean isolateG : new boolean[] {false, true}) {
            for (boolean isolateH : new boolean[] {false, true}) {
                SingleElementQueue q1 = new SingleElementQueue();
                SingleElementQueue q2 = new SingleElementQueue();
                Coro<Integer> g = Coro.of(() -> {
                    q1.put(1);
                    int x = Coro.yield(q2.get());
                    q1.put(x + 1);
                    return Coro.yield(q2.get());
                });
                Coro<Integer> h = Coro.of(() -> {
                    int x = Coro.yield(q1.get());
                    q2.put(x + 1);
                    x = Coro.yield(q1.get());
                    q2.put(x + 1);
                    return x;
                });
                List<Integer> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(maybeIsolate(g, isolateG),
                        maybeIsolate(h, isolateH)))));
                assertEquals(List.of(4, 3), out, "isolate g " + isolateG + ", h " + isolateH);
            }
        }
    }

    @Test
    void a_failure_inside_cancels_only_what_is_inside() {
        SingleElementQueue q1 = new SingleElementQueue();
        SingleElementQueue q2 = new SingleElementQueue();
        SingleElementQueue q3 = new SingleElementQueue();
        boolean[] gFinished = {false};
        boolean[] iFinished = {false};
        List<String> log = new ArrayList<>();
        Coro<Integer> g = Coro.of(() -> {
            q2.put(5);
            Coro.yield(q3.get());
            gFinished[0] = true;
            return 1;
        });
        Coro<Integer> h = Coro.of(() -> {
            int x = Coro.yield(q1.get());
            int y = Coro.yield(q2.get());
            if (x == 5 && y == 5) {
                throw new IllegalStateException("Kaboom");
            }
            return x + y;
        });
        Coro<Integer> i = Coro.of(() -> {
            q1.put(5);
            try {
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(30)));
            } finally {
                log.add("i cleaned up");
            }
            iFinished[0] = true;
            return 2;
        });
        Coro<List<Integer>> tryIsolated = Coro.of(() -> {
            Result<List<Integer>> result = Coro.yield(Tinyio.isolate(Coro.of(() -> Coro.yield(List.of(h, i)))));
            q3.put(0);
            if (!result.success()) {
                assertEquals("Kaboom", result.error().getMessage());
                return List.of(-1, -1);
            }
            return result.value();
        });
        List<Object> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(g, tryIsolated))));
        assertEquals(List.of(1, List.of(-1, -1)), out);
        assertTrue(gFinished[0]);
        assertFalse(iFinished[0]);
        assertEquals(List.of("i cleaned up"), log);
    }

    private static Coro<Integer> slowAddOne(int x) {
        return Coro.of(() -> {
            Coro.yield();
            return x + 1;
        });
    }

    private static Coro<Integer> unreliableAddTwo(Coro<Integer> getX) {
        return Coro.of(() -> {
            int x = Coro.yield(getX);
            if (x == 3) {
                throw new IllegalStateException("That is too hard.");
            }
            int y = Coro.yield(slowAddOne(x));
            return Coro.yield(slowAddOne(y));
        });
    }

    private static Coro<Result<Integer>> tryAddThree(int x) {
        return Coro.of(() -> {
            Coro<Integer> argument = Coro.yield(Tinyio.copy(slowAddOne(x)));
            return Coro.yield(Tinyio.isolate(unreliableAddTwo(argument)));
        });
    }

    @Test
    void a_copy_brings_an_outer_result_inside() {
        for (int x : new int[] {0, 1, 3, 4}) {
            Result<Integer> result = new Loop().run(tryAddThree(x));
            assertTrue(result.success());
            assertEquals(x + 3, result.value());
        }
        Result<Integer> failed = new Loop().run(tryAddThree(2));
        assertInstanceOf(IllegalStateException.class, failed.error());
        assertEquals("That is too hard.", failed.error().getMessage());
    }

    @Test
    void a_copy_returns_the_same_object() {
        Object shared = new Object();
        Coro<Object> original = Coro.of(() -> {
            Coro.yield();
            return shared;
        });
        Object copied = new Loop().run(Coro.of(() -> {
            Coro<Object> copy = Coro.yield(Tinyio.copy(original));
            assertSame(shared, Coro.yield(original));
            return Coro.yield(Tinyio.isolate(copy)).value();
        }));
        assertSame(shared, copied);
    }

    @Test
    void an_outer_coroutine_yielded_inside_without_copy_is_refused() {
        Coro<Integer> outer = slowAddOne(1);
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.of(() -> {
            Coro.yield(outer);
            return Coro.yield(Tinyio.isolate(Coro.of(() -> Coro.yield(outer))));
        })));
        assertTrue(error.getMessage().contains("has already started"), error.getMessage());
        assertTrue(error.getMessage().contains("Tinyio.copy"), error.getMessage());
    }

    @Test
    void cancelling_the_isolate_cancels_everything_inside_once_and_propagates() {
        List<String> log = new ArrayList<>();
        int[] waitingInside = {0};
        Coro<Void> inside = Coro.ofVoid(() -> {
            try {
                waitingInside[0]++;
                Coro.yield(new Event().await());
            } finally {
                log.add("inside cleaned up");
            }
        });
        Coro<Void> stubborn = Coro.ofVoid(() -> {
            try {
                waitingInside[0]++;
                Coro.yield(new Event().await());
            } catch (CancelledError e) {
                throw new IllegalArgumentException("cleanup failed inside");
            }
        });
        boolean[] resultSeen = {false};
        ExceptionGroup thrown = assertThrows(ExceptionGroup.class, () -> new Loop().run(
                Coro.ofVoid(() -> {
                    Coro<Result<List<Void>>> isolated = Tinyio.isolate(Coro.of(() -> Coro.yield(List.of(inside,
                            stubborn))));
                    Coro.yield(Set.of(Coro.ofVoid(() -> {
                        Coro.yield(isolated);
                        resultSeen[0] = true;
                    })));
                    // The outer loop steps the isolate in turn with this: both coroutines inside get to their waits.
                    while (waitingInside[0] < 2) {
                        Coro.yield();
                    }
                    throw new IllegalStateException("outer failure");
                }), GroupMode.ALWAYS));
        assertEquals("outer failure", thrown.exceptions().get(0).getMessage());
        assertEquals(List.of("inside cleaned up"), log);
        assertFalse(resultSeen[0]);
        // The isolate threw what its nested run threw: a group of its CancelledError and the error inside.
        ExceptionGroup inner = assertInstanceOf(ExceptionGroup.class, thrown.exceptions().get(1));
        assertInstanceOf(CancelledError.class, inner.exceptions().get(0));
        assertEquals("cleanup failed inside", inner.exceptions().get(1).getMessage());
        assertEquals(2, inner.exceptions().size(), inner.exceptions().toString());
    }

    @Test
    void an_error_inside_is_not_caught() {
        Coro<?>[] self = new Coro<?>[1];
        self[0] = Coro.of(() -> Coro.yield(self[0]));
        CancelledError error = assertThrows(CancelledError.class,
                () -> new Loop().run(Tinyio.isolate(self[0])));
        assertTrue(error.getMessage().startsWith("Cycle detected"), error.getMessage());
    }

    @Test
    void a_group_inside_comes_back_as_a_failure() {
        Result<Object> result = new Loop().run(Tinyio.isolate(Coro.of(() -> {
            Coro.yield(Set.of(Coro.ofVoid(() -> Coro.yield(new Event().await()))));
            Coro.yield();
            throw new IllegalStateException("inner");
        }), GroupMode.ALWAYS));
        ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, result.error());
        assertEquals("inner", group.exceptions().get(0).getMessage());
    }

    @Test
    void a_blocked_isolate_neither_spins_nor_blocks_the_outer_loop() {
        List<String> log = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        // The isolate blocks on an event, with a timeout far off, that only the outer coroutine sets once its
        // own sleep has ended: the outer loop must keep its timers while the isolate is blocked.
        Event wake = new Event();
        new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(
                Tinyio.isolate(Coro.ofVoid(() -> {
                    Coro.yield(wake.await(Duration.ofSeconds(60)));
                    log.add("inner woke");
                })),
                Coro.ofVoid(() -> {
                    Coro.yield(Tinyio.sleep(Duration.ofMillis(300)));
                    log.add("outer woke");
                    wake.set();
                })))));
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        assertEquals(List.of("outer woke", "inner woke"), log);
        assertTrue(cpuMillis < 200, "the loop thread used " + cpuMillis + " ms of CPU while everything slept");
    }

    @Test
    void an_event_set_from_another_thread_wakes_the_isolate_through_the_outer_loop() throws Exception {
        Event event = new Event();
        Thread loopThread = Thread.currentThread();
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        Thread setter = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                return;
            }
            Parked.await(loopThread); // the isolate, and so the outer loop, has nothing to step
            event.set();
        });
        setter.start();
        Duration timeout = Duration.ofSeconds(60);
        long start = System.nanoTime();
        Result<String> result = new Loop().run(Tinyio.isolate(Coro.of(() -> {
            waiting.countDown();
            Coro.yield(event.await(timeout));
            return "woken";
        })));
        long elapsed = System.nanoTime() - start;
        setter.join();
        assertEquals("woken", result.value());
        assertTrue(event.isSet());
        assertTrue(elapsed < timeout.toNanos(), "woken by the wait's timeout, not by the event");
    }
}
