package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coroutine another loop knows, or one that failed in this loop, "has already started" (tinyio's words), and the
 * message goes on to say which case it is and the fix that applies. Yielding one throws a {@link CancelledError}
 * into the yielder; running one throws {@link IllegalArgumentException}.
 */
class AlreadyStartedTest {
    static final String RUNNING_ELSEWHERE = "it is still running in another loop, and a coroutine runs in one loop "
            + "only. Wait for it in the loop that runs it, and hand its result over to this one: through a "
            + "CompletableFuture that this loop awaits with Tinyio.fromFuture, say.";
    static final String RAN_ELSEWHERE = "it already ran in another loop, which alone has its result: a coroutine "
            + "runs once, in one loop. Make a new coroutine for this loop.";
    static final String FAILED_HERE = "it failed, was cancelled or timed out earlier in this loop, so it has no "
            + "result to give. A coroutine runs once: to try again, make a new coroutine.";
    static final String FINISHED_HERE = "it finished in an earlier run of this loop. Loop.run(coro) returns its "
            + "result; Loop.start needs a new coroutine.";
    static final String OF_THE_ENCLOSING_LOOP = "it belongs to the loop outside this Tinyio.isolate, and what is "
            + "yielded inside an isolate belongs to the isolate's own loop. Copy it in the outer loop, "
            + "Coro<T> copied = Coro.yield(Tinyio.copy(coro)), and yield the copy inside the isolate.";

    private static String message(Coro<?> coro, String why) {
        return "The coroutine " + coro + " has already started: " + why;
    }

    /** The message of the {@link CancelledError} thrown into a coroutine that yields {@code coro} in a new loop. */
    private static String yieldedElsewhere(Coro<?> coro) {
        return assertThrows(CancelledError.class, () -> new Loop().run(Coro.of(() -> Coro.yield(coro))))
                .getMessage();
    }

    private static String runElsewhere(Coro<?> coro) {
        return assertThrows(IllegalArgumentException.class, () -> new Loop().run(coro)).getMessage();
    }

    @Test
    void a_coroutine_still_running_in_another_loop() {
        String[] messages = new String[2];
        Coro<?>[] running = new Coro<?>[1];
        running[0] = Coro.ofVoid(() -> {
            Coro.yield();
            messages[0] = yieldedElsewhere(running[0]);
            messages[1] = runElsewhere(running[0]);
        });
        new Loop().run(running[0]);
        assertEquals(message(running[0], RUNNING_ELSEWHERE), messages[0]);
        assertEquals(message(running[0], RUNNING_ELSEWHERE), messages[1]);
    }

    @Test
    void a_coroutine_that_finished_in_another_loop() {
        Coro<Integer> finished = Coro.of(() -> 1);
        new Loop().run(finished);
        assertEquals(message(finished, RAN_ELSEWHERE), yieldedElsewhere(finished));
        assertEquals(message(finished, RAN_ELSEWHERE), runElsewhere(finished));
    }

    @Test
    void a_coroutine_that_failed_in_another_loop() {
        Coro<Integer> failed = Coro.of(() -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> new Loop().run(failed));
        assertEquals(message(failed, RAN_ELSEWHERE), yieldedElsewhere(failed));
        assertEquals(message(failed, RAN_ELSEWHERE), runElsewhere(failed));
    }

    @Test
    void a_retry_of_a_coroutine_that_failed_in_this_loop() {
        Coro<Integer> failed = Coro.of(() -> {
            throw new IllegalStateException("boom");
        });
        Loop loop = new Loop();
        assertThrows(IllegalStateException.class, () -> loop.run(failed));
        assertEquals(message(failed, FAILED_HERE),
                assertThrows(IllegalArgumentException.class, () -> loop.run(failed)).getMessage());
        assertEquals(message(failed, FAILED_HERE), assertThrows(CancelledError.class,
                () -> loop.run(Coro.of(() -> Coro.yield(failed)))).getMessage());
    }

    @Test
    void a_coroutine_that_timed_out_earlier_in_this_run() {
        Coro<Void> slow = new Event().await();
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Result<Void> timedOut = Coro.yield(Tinyio.timeout(slow, Duration.ZERO));
            assertFalse(timedOut.success());
            Coro.yield(slow);
        })));
        assertEquals(message(slow, FAILED_HERE), error.getMessage());
    }

    @Test
    void starting_a_run_of_a_coroutine_that_finished_in_this_loop() {
        Coro<Integer> finished = Coro.of(() -> 1);
        Loop loop = new Loop();
        loop.run(finished);
        assertEquals(message(finished, FINISHED_HERE),
                assertThrows(IllegalArgumentException.class, () -> loop.start(finished)).getMessage());
        assertEquals(1, loop.run(finished));
    }

    @Test
    void a_coroutine_of_the_enclosing_loop_yielded_inside_an_isolate() {
        Coro<Integer> outer = Coro.of(() -> 1);
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.of(() -> {
            Coro.yield(outer);
            return Coro.yield(Tinyio.isolate(Coro.of(() -> Coro.yield(outer))));
        })));
        assertEquals(message(outer, OF_THE_ENCLOSING_LOOP), error.getMessage());
    }

    @Test
    void a_coroutine_of_a_loop_two_isolates_out() {
        Coro<Integer> outer = Coro.of(() -> 1);
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.of(() -> {
            Coro.yield(List.of(outer));
            return Coro.yield(Tinyio.isolate(Tinyio.isolate(Coro.of(() -> Coro.yield(outer)))));
        })));
        assertEquals(message(outer, OF_THE_ENCLOSING_LOOP), error.getMessage());
    }

    /** As in tinyio, the members before the one already started are started, and cancelled with the rest. */
    @Test
    void in_always_mode_the_members_before_one_already_started_are_cancelled_with_the_rest() {
        Coro<Integer> finished = Coro.of(() -> 1);
        new Loop().run(finished);
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(
                Coro.of(() -> Coro.yield(List.of(Coro.of(() -> 2), finished))), GroupMode.ALWAYS));
        assertEquals(message(finished, RAN_ELSEWHERE), group.exceptions().get(0).getMessage());
        assertEquals(2, group.exceptions().size(), group.exceptions().toString());
    }

    @Test
    void the_fix_for_an_isolate_works() {
        Coro<Integer> outer = Coro.of(() -> 1);
        Result<Integer> result = new Loop().run(Coro.of(() -> {
            Coro<Integer> copied = Coro.yield(Tinyio.copy(outer));
            return Coro.yield(Tinyio.isolate(Coro.of(() -> Coro.yield(copied) + 1)));
        }));
        assertEquals(2, result.value());
    }
}
