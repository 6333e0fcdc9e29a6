package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import dev.tinyio.TimeoutError;
import dev.tinyio.TraceRecorder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Chains of awaits far deeper than a thread's stack, a run stepped from inside itself, and what comes out of an
 * isolate: an error, and the tracks of a recording.
 */
class NestingAndScaleTest {
    /** A chain of n coroutines, each awaiting the next and adding one, ending in {@code last}. */
    static Coro<Integer> chain(int n, Coro<Integer> last) {
        Coro<Integer> c = last;
        for (int i = 0; i < n; i++) {
            Coro<Integer> next = c;
            c = Coro.of(() -> Coro.yield(next) + 1);
        }
        return c;
    }

    /** The check for a cycle of waits, made whenever the loop blocks, walks the chain without recursing. */
    @Test
    void a_chain_of_a_hundred_thousand_awaits_blocked_on_a_sleep_finishes() {
        Coro<Integer> c = chain(100_000, Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofMillis(10)));
            return 0;
        }));
        assertEquals(100_000, new Loop().run(c));
    }

    /** Cancelling what only the timed-out coroutine waited for walks the chain without recursing. */
    @Test
    void a_chain_of_a_hundred_thousand_awaits_times_out() {
        Coro<Integer> c = chain(100_000, Coro.of(() -> {
            Coro.yield(new Event().await());
            return 0;
        }));
        Result<Integer> result = new Loop().run(Tinyio.timeout(c, Duration.ofMillis(50)));
        assertInstanceOf(TimeoutError.class, result.error());
    }

    /** Stepping a run from one of its own coroutines would run a step inside a step, and could hide a failure. */
    @Test
    void a_coroutine_stepping_its_own_run_is_refused_and_the_run_still_fails_as_it_should() {
        @SuppressWarnings("unchecked")
        Loop.Run<Integer>[] self = new Loop.Run[1];
        Coro<Void> failing = Coro.ofVoid(() -> {
            Coro.yield();
            throw new IllegalStateException("boom");
        });
        Throwable[] caught = new Throwable[1];
        self[0] = new Loop().start(Coro.of(() -> {
            Coro.yield(Set.of(failing));
            try {
                self[0].step();
                self[0].step();
            } catch (Throwable t) {
                caught[0] = t;
            }
            return 42;
        }));
        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> {
            while (!self[0].isFinished()) {
                if (!self[0].step()) {
                    self[0].awaitWakeUp();
                }
            }
        });
        assertEquals("boom", boom.getMessage(), "the run must fail with the coroutine's error");
        assertInstanceOf(IllegalStateException.class, caught[0]);
        assertEquals("Loop.Run.step() was called from inside a step of the same run, by one of its own coroutines. "
                + "A run is driven from outside it; inside, yield instead.", caught[0].getMessage());
    }

    static void throwsAnError() {
        Coro.yield();
        throw new AssertionError("deep error");
    }

    /** An isolate never catches an Error: it fails the isolating coroutine, stitched and grouped like any failure. */
    @Test
    void an_error_escaping_an_isolate_is_stitched_and_grouped_like_any_coroutine_failure() {
        Coro<Void> inside = Coro.ofVoid(NestingAndScaleTest::throwsAnError);
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(
                Coro.of(() -> Coro.yield(Tinyio.isolate(inside))), GroupMode.ALWAYS));
        assertEquals(1, group.exceptions().size(), group.exceptions()::toString);
        AssertionError error = assertInstanceOf(AssertionError.class, group.exceptions().get(0));
        assertTrue(Arrays.stream(error.getStackTrace()).anyMatch(e -> e.getMethodName().startsWith(
                "lambda$an_error_escaping_an_isolate")), "the trace continues through the isolate's waiter");
    }

    /** A recorded loop records what runs inside its isolates too, one track per coroutine. */
    @Test
    void a_recorder_gives_coroutines_inside_an_isolate_their_tracks() {
        TraceRecorder recorder = new TraceRecorder();
        Coro<Integer> inside = Coro.of(() -> {
            Coro.yield();
            return 1;
        });
        assertEquals(1, new Loop().recordTo(recorder).run(Tinyio.isolate(inside)).value());
        String track = "{\"name\":\"Coro@" + Integer.toHexString(System.identityHashCode(inside)) + "[";
        assertTrue(recorder.toJson().contains(track), recorder::toJson);
    }
}
