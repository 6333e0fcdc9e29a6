package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.ThreadPool;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A failure inside a coroutine that a battery runs reads like one stack trace, as with a plain await: the frames of
 * the coroutine that waited for the battery follow the failing coroutine's own.
 */
class BatteryTracesTest {
    static int fails() {
        Coro.yield();
        throw new IllegalStateException("inside");
    }

    static Object awaitsTimeout(Coro<Integer> coro) {
        return Coro.yield(Tinyio.timeout(coro, Duration.ofHours(1)));
    }

    static Result<Integer> awaitsIsolate(Coro<Integer> coro) {
        return Coro.yield(Tinyio.isolate(coro));
    }

    static Object awaitsFirstCompletion(Coro<Integer> coro) {
        Iterable<Coro<Integer>> completions = Coro.yield(Tinyio.asCompleted(Set.of(coro)));
        return Coro.yield(completions.iterator().next());
    }

    static Object awaitsThread() {
        return Coro.yield(Tinyio.runInThread(() -> {
            throw new IllegalStateException("inside");
        }));
    }

    static Object awaitsPool() {
        return Coro.yield(new ThreadPool(2).map(x -> {
            if (x == 2) {
                throw new IllegalStateException("inside");
            }
            return x;
        }, List.of(1, 2)));
    }

    private static void assertHasFrame(Throwable error, String method) {
        assertTrue(indexOf(error, method) >= 0, method + " missing from " + Arrays.toString(error.getStackTrace()));
    }

    /** The trace reads as one stack: the failing coroutine's frame, then, further down, the waiter's. */
    private static void assertReadsOn(Throwable error, String failing, String waiting) {
        assertHasFrame(error, failing);
        assertHasFrame(error, waiting);
        assertTrue(indexOf(error, failing) < indexOf(error, waiting), Arrays.toString(error.getStackTrace()));
    }

    private static int indexOf(Throwable error, String method) {
        StackTraceElement[] trace = error.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getMethodName().equals(method)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void through_a_timeout() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Loop().run(
                Coro.of(() -> awaitsTimeout(Coro.of(BatteryTracesTest::fails)))));
        assertReadsOn(error, "fails", "awaitsTimeout");
    }

    @Test
    void through_an_isolate() {
        Result<Integer> result = new Loop().run(Coro.of(() -> awaitsIsolate(Coro.of(BatteryTracesTest::fails))));
        assertReadsOn(result.error(), "fails", "awaitsIsolate");
    }

    @Test
    void through_as_completed() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Loop().run(
                Coro.of(() -> awaitsFirstCompletion(Coro.of(BatteryTracesTest::fails)))));
        assertReadsOn(error, "fails", "awaitsFirstCompletion");
    }

    @Test
    void through_a_thread() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Loop().run(
                Coro.of(BatteryTracesTest::awaitsThread)));
        assertHasFrame(error, "awaitsThread");
    }

    @Test
    void through_a_thread_pool() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Loop().run(
                Coro.of(BatteryTracesTest::awaitsPool)));
        assertHasFrame(error, "awaitsPool");
    }
}
