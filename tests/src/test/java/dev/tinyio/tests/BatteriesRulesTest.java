package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.Lock;
import dev.tinyio.Loop;
import dev.tinyio.Permit;
import dev.tinyio.Result;
import dev.tinyio.ThreadPool;
import dev.tinyio.Tinyio;
import dev.tinyio.TimeoutError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** More of the batteries of docs/semantics.md: isolate, timeout, locks, permits, thread pools, asCompleted. */
class BatteriesRulesTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void isolate_success_and_checked_failure() {
        IOException io = new IOException("io");
        List<Result<Integer>> out = new Loop().run(Coro.of(() -> List.of(
                Coro.yield(Tinyio.isolate(Coro.of(() -> {
                    Coro.yield();
                    return 5;
                }))),
                Coro.yield(Tinyio.isolate(Coro.of(() -> {
                    Coro.yield();
                    throw io;
                }))))));
        assertTrue(out.get(0).success());
        assertEquals(5, out.get(0).value());
        assertFalse(out.get(1).success());
        assertSame(io, out.get(1).error());
        assertNull(out.get(1).value());
    }

    @Test
    void an_error_inside_an_isolate_crashes_the_outer_loop_unchanged() {
        AssertionError err = new AssertionError("err");
        Throwable t = assertThrows(AssertionError.class, () -> new Loop().run(Coro.ofVoid(() -> {
            try {
                Coro.yield(Tinyio.isolate(Coro.ofVoid(() -> {
                    Coro.yield();
                    throw err;
                })));
            } finally {
                log.add("outer root cleaned");
            }
        })));
        assertSame(err, t);
    }

    @Test
    void a_group_with_an_error_member_inside_an_isolate_is_a_failure() {
        Result<Void> r = new Loop().run(Tinyio.isolate(Coro.ofVoid(() -> {
            Coro<Void> stubborn = Coro.ofVoid(() -> {
                try {
                    Coro.yield();
                    Coro.yield();
                } catch (CancelledError e) {
                    throw new StackOverflowError("in cleanup");
                }
            });
            Coro.yield(List.of(stubborn, Coro.ofVoid(() -> {
                throw new IllegalStateException("boom");
            })));
        })));
        ExceptionGroup g = assertInstanceOf(ExceptionGroup.class, r.error());
        assertInstanceOf(StackOverflowError.class, g.exceptions().get(1));
    }

    @Test
    void a_timed_out_coroutine_that_returns_instead_is_warned_and_the_result_is_a_failure() {
        Coro<Integer> swallower = Coro.of(() -> {
            try {
                Coro.yield(new Event().await());
                return 1;
            } catch (TimeoutError e) {
                return 2;
            }
        });
        Result<?>[] result = new Result<?>[1];
        List<LogRecord> records = LogCapture.during(() -> result[0] = new Loop().run(
                Tinyio.timeout(swallower, Duration.ofMillis(10))));
        assertInstanceOf(TimeoutError.class, result[0].error());
        assertEquals(1, records.size());
        assertEquals("Coroutine " + swallower + " did not respond properly to its timeout, and so a resource leak "
                + "may have occurred. The coroutine is expected to let the error thrown into it propagate to indicate "
                + "success in cleaning up resources. Instead, the coroutine returned 2.", records.get(0).getMessage());
    }

    @Test
    void a_timed_out_coroutine_that_yields_instead_is_never_resumed_and_nothing_hangs() {
        int[] resumed = {0};
        Coro<Void> sleep = Tinyio.sleep(Duration.ofHours(1));
        Coro<Integer> yielder = Coro.of(() -> {
            try {
                Coro.yield(new Event().await());
                return 1;
            } catch (TimeoutError e) {
                Coro.yield(sleep);
                resumed[0]++;
                return 2;
            }
        });
        Loop.Run<Result<Integer>> run = new Loop().start(Tinyio.timeout(yielder, Duration.ofMillis(10)));
        List<LogRecord> records = LogCapture.during(() -> {
            while (!run.isFinished()) {
                if (!run.step() && !run.isFinished()) {
                    // Blocked: the next wake-up is the timeout's, never the sleep yielded after it.
                    assertTrue(run.wakeUpDeadline() - System.nanoTime() < Duration.ofMinutes(30).toNanos(),
                            "the run waits for the sleep yielded after the timeout");
                    run.awaitWakeUp();
                }
            }
        });
        assertInstanceOf(TimeoutError.class, run.result().error());
        assertEquals(0, resumed[0]);
        assertEquals(1, records.size());
        assertEquals("Coroutine " + yielder + " did not respond properly to its timeout, and so a resource leak "
                + "may have occurred. The coroutine is expected to let the error thrown into it propagate to indicate "
                + "success in cleaning up resources. Instead, the coroutine yielded " + sleep + ".",
                records.get(0).getMessage());
    }

    @Test
    void a_timed_out_coroutine_waiting_on_a_thread_interrupts_and_joins_it() {
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Coro<Object> slow = Coro.of(() -> Coro.yield(Tinyio.runInThread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            } finally {
                ended.set(true);
            }
            return null;
        })));
        Result<Object> r = new Loop().run(Coro.of(() -> {
            Result<Object> res = Coro.yield(Tinyio.timeout(slow, Duration.ofMillis(50)));
            assertTrue(ended.get(), "thread not joined by the time the timeout returned");
            return res;
        }));
        assertInstanceOf(TimeoutError.class, r.error());
        // Joined, and ended by the interrupt: the minute's sleep was cut short.
        assertTrue(interrupted.get());
    }

    @Test
    void a_timeout_error_is_the_one_thrown_in_at_the_suspension_point() {
        TimeoutError[] seen = new TimeoutError[1];
        Result<Void> r = new Loop().run(Tinyio.timeout(Coro.ofVoid(() -> {
            try {
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(30)));
            } catch (TimeoutError e) {
                seen[0] = e;
                throw e;
            }
        }), Duration.ofMillis(10)));
        assertSame(seen[0], r.error());
        assertTrue(seen[0].getStackTrace().length > 0);
        assertTrue(seen[0].getStackTrace()[0].getClassName().contains("BatteriesRulesTest"),
                seen[0].getStackTrace()[0].toString());
    }

    @Test
    void a_released_lock_goes_to_the_waiter_not_to_the_releaser_reacquiring() {
        Lock lock = new Lock();
        Coro<Void> a = Coro.ofVoid(() -> {
            Permit p = Coro.yield(lock.acquire());
            log.add("a1");
            Coro.yield();
            Coro.yield();
            p.close();
            try (Permit q = Coro.yield(lock.acquire())) {
                log.add("a2");
            }
        });
        Coro<Void> b = Coro.ofVoid(() -> {
            try (Permit p = Coro.yield(lock.acquire())) {
                log.add("b");
                Coro.yield();
                Coro.yield();
            }
        });
        new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(a, b))));
        assertEquals(List.of("a1", "b", "a2"), log);
    }

    @Test
    void closing_a_permit_twice_or_the_same_acquire_twice_is_illegal_state() {
        Lock lock = new Lock();
        new Loop().run(Coro.ofVoid(() -> {
            Coro<Permit> acq = lock.acquire();
            Permit p = Coro.yield(acq);
            Permit again = Coro.yield(acq);
            assertSame(p, again);
            p.close();
            assertThrows(IllegalStateException.class, again::close);
            Permit fresh = Coro.yield(lock.acquire());
            fresh.close();
            assertThrows(IllegalStateException.class, fresh::close);
        }));
    }

    @Test
    void a_pooled_call_cancelled_while_waiting_for_a_slot_never_runs() throws Exception {
        ThreadPool pool = new ThreadPool(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(pool.runInThread(() -> {
                started.countDown();
                Thread.sleep(60_000);
                return null;
            }), pool.runInThread(() -> {
                secondRan.set(true);
                return null;
            }))));
            Coro.yield(Tinyio.runInThread(() -> {
                started.await();
                return null;
            }));
            throw new IllegalStateException("boom");
        })));
        // Threads start only from the loop's steps, and cancellation joins every thread a run started: had the
        // second call started, it would have ended, flag set, before run threw.
        assertFalse(secondRan.get());
    }

    @Test
    void as_completed_in_completion_order() {
        List<Integer> out = new Loop().run(Coro.of(() -> {
            Iterable<Coro<Integer>> it = Coro.yield(Tinyio.asCompleted(new LinkedHashSet<>(List.of(
                    Coro.of(() -> {
                        cede(3);
                        return 1;
                    }),
                    Coro.of(() -> 2),
                    Coro.of(() -> {
                        cede(1);
                        return 3;
                    })))));
            List<Integer> res = new ArrayList<>();
            for (Coro<Integer> c : it) {
                res.add(Coro.yield(c));
            }
            return res;
        }));
        assertEquals(List.of(2, 3, 1), out);
    }

    @Test
    void event_await_with_timeout_resumes_on_set_before_the_timeout() {
        Event e = new Event();
        Script script = new Script();
        Coro<Void> setter = Coro.ofVoid(() -> {
            script.expect(2);
            Coro.yield();
            script.expect(4);
            Coro.yield(); // the root's wait registers, on the event and on the loop's timers
            script.expect(5);
            e.set();
            Coro.yield(); // the wait ends, and the root is queued behind this
            script.expect(6);
            Coro.yield();
            script.expect(8);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(new LinkedHashSet<>(List.of(setter)));
            script.expect(3);
            Coro.yield(e.await(Duration.ofSeconds(30)));
            script.expect(7);
            Coro.yield(setter);
            script.finish(9);
        }));
        script.assertFinished(9);
    }

    /** Gives way {@code times} times. */
    private static void cede(int times) {
        for (int i = 0; i < times; i++) {
            Coro.yield();
        }
    }
}
