package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import dev.tinyio.TimeoutError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Tinyio.timeout}: success, or a TimeoutError thrown into the coroutine, and nothing left behind. */
class TimeoutTest {
    @Test
    void a_coroutine_that_finishes_in_time_succeeds() {
        Result<Integer> result = new Loop().run(Tinyio.timeout(Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofMillis(10)));
            return 7;
        }), Duration.ofSeconds(30)));
        assertTrue(result.success());
        assertEquals(7, result.value());
        assertNull(result.error());
    }

    @Test
    void a_coroutine_that_runs_out_of_time_gets_a_timeout_error_at_its_suspension_point() {
        List<String> log = new ArrayList<>();
        Event never = new Event();
        Coro<Integer> slow = Coro.of(() -> {
            try {
                Coro.yield(never.await());
                return 1;
            } catch (TimeoutError e) {
                log.add("timed out");
                throw e;
            } finally {
                log.add("cleaned up");
            }
        });
        long start = System.nanoTime();
        Result<Integer> result = new Loop().run(Tinyio.timeout(slow, Duration.ofMillis(100)));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsed >= 100 && elapsed < 20_000, elapsed + " ms");
        assertTrue(!result.success());
        assertInstanceOf(TimeoutError.class, result.error());
        assertEquals("The coroutine did not finish within PT0.1S", result.error().getMessage());
        assertEquals(List.of("timed out", "cleaned up"), log);
        assertTrue(slow.isDone());
    }

    @Test
    void after_a_timeout_the_loop_finishes_the_rest_and_nothing_hangs() {
        Coro<Void> child = Tinyio.sleep(Duration.ofMillis(50));
        Coro<Void> slow = Coro.ofVoid(() -> Coro.yield(List.of(child, new Event().await())));
        String out = new Loop().run(Coro.of(() -> {
            Result<Void> result = Coro.yield(Tinyio.timeout(slow, Duration.ofMillis(10)));
            return result.success() ? "finished" : "timed out";
        }));
        assertEquals("timed out", out);
        assertTrue(child.isDone(), "the timed-out coroutine's child still ran to its end");
    }

    @Test
    void a_timed_out_coroutine_cannot_be_yielded_again() {
        Coro<Void> slow = new Event().await();
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Tinyio.timeout(slow, Duration.ZERO));
            Coro.yield(slow);
        })));
        assertTrue(error.getMessage().contains("has already started"), error.getMessage());
    }

    @Test
    void another_waiter_on_a_timed_out_coroutine_is_cancelled_rather_than_left_hanging() {
        Coro<Void> slow = new Event().await();
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(java.util.Set.of(Coro.ofVoid(() -> Coro.yield(slow))));
            Coro.yield(Tinyio.timeout(slow, Duration.ofMillis(10)));
        })));
        assertEquals("The coroutine " + slow + ", which this one waits for, timed out under Tinyio.timeout, so it "
                + "has no result.", error.getMessage());
    }

    @Test
    void a_zero_limit_times_out_at_the_first_suspension() {
        List<String> log = new ArrayList<>();
        Coro<Void> slow = Coro.ofVoid(() -> {
            log.add("started");
            try {
                Coro.yield();
                log.add("resumed");
            } catch (TimeoutError e) {
                log.add("timed out");
                throw e;
            }
        });
        Result<Void> result = new Loop().run(Tinyio.timeout(slow, Duration.ZERO));
        assertInstanceOf(TimeoutError.class, result.error());
        assertEquals(List.of("started", "timed out"), log);
    }

    @Test
    void an_error_before_the_limit_crashes_the_loop_rather_than_becoming_a_failure() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<String> log = new ArrayList<>();
        Coro<Void> sibling = Coro.ofVoid(() -> {
            try {
                Coro.yield(new Event().await());
            } finally {
                log.add("sibling cancelled");
            }
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new Loop().run(
                Coro.ofVoid(() -> {
                    Coro.yield(java.util.Set.of(sibling));
                    Coro.yield(Tinyio.timeout(Coro.ofVoid(() -> {
                        Coro.yield();
                        throw boom;
                    }), Duration.ofSeconds(30)));
                    log.add("a result came back");
                })));
        assertSame(boom, thrown);
        assertEquals(List.of("sibling cancelled"), log);
    }

    @Test
    void an_error_thrown_in_answer_to_the_timeout_crashes_the_loop() {
        IllegalStateException cleanup = new IllegalStateException("cleanup failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new Loop().run(
                Tinyio.timeout(Coro.ofVoid(() -> {
                    try {
                        Coro.yield(new Event().await());
                    } catch (TimeoutError e) {
                        throw cleanup;
                    }
                }), Duration.ZERO)));
        assertSame(cleanup, thrown);
    }

    @Test
    void timing_out_an_isolate_brings_every_error_back_as_a_result() {
        IllegalStateException boom = new IllegalStateException("boom");
        Result<Result<Void>> failed = new Loop().run(Tinyio.timeout(Tinyio.isolate(Coro.ofVoid(() -> {
            Coro.yield();
            throw boom;
        })), Duration.ofSeconds(30)));
        assertTrue(failed.success());
        assertSame(boom, failed.value().error());
        Result<Result<Void>> late = new Loop().run(Tinyio.timeout(Tinyio.isolate(
                Coro.ofVoid(() -> Coro.yield(new Event().await()))), Duration.ZERO));
        assertInstanceOf(TimeoutError.class, late.error());
    }
}
