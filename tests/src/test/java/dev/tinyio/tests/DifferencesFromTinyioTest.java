package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Where Java deliberately differs from tinyio, the Java behaviour, one test each for the differences that no rule's
 * own test already shows (docs/semantics.md lists them all, with their tests).
 */
class DifferencesFromTinyioTest {
    private final List<String> log = new ArrayList<>();

    /** tinyio's coroutines are generators, which anyone may advance with {@code send}; a {@code Coro} is not. */
    @Test
    void a_coroutine_is_advanced_only_by_a_loop() {
        Coro<Integer> coro = Coro.of(() -> {
            log.add("ran");
            Coro.yield();
            log.add("resumed");
            return 1;
        });
        assertEquals(List.of(), log, "making a coroutine runs none of its code");
        for (Method method : Coro.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                assertEquals(0, method.getParameterCount(), "nothing sends into a coroutine: " + method);
            }
        }
        Loop.Run<Integer> run = new Loop().start(coro);
        assertTrue(run.step());
        assertEquals(List.of("ran"), log);
        assertTrue(run.step());
        assertEquals(List.of("ran", "resumed"), log);
        while (!run.isFinished()) {
            run.step();
        }
        assertEquals(1, run.result());
    }

    /**
     * tinyio keeps a timed-out coroutine registered, and what it waited for runs on, so {@code run} waits for it, or
     * hangs; here what only the timed-out coroutine waited for is cancelled with it, and what others still wait for
     * runs on.
     */
    @Test
    void what_only_a_timed_out_coroutine_waited_for_is_cancelled_with_it() {
        String[] message = {null};
        Coro<Void> orphan = Coro.ofVoid(() -> {
            try {
                Coro.yield(new Event().await());
            } catch (CancelledError e) {
                message[0] = e.getMessage();
                throw e;
            }
        });
        Event release = new Event();
        Coro<Void> shared = Coro.ofVoid(() -> {
            Coro.yield(release.await());
            log.add("shared finished");
        });
        Coro<Void> slow = Coro.ofVoid(() -> Coro.yield(List.of(orphan, shared)));
        new Loop().run(Coro.ofVoid(() -> {
            // Both start now, so that slow waits for its two by the time it times out.
            Coro.yield(new LinkedHashSet<>(List.of(Coro.ofVoid(() -> Coro.yield(shared)), slow)));
            Result<Void> timedOut = Coro.yield(Tinyio.timeout(slow, Duration.ZERO));
            assertFalse(timedOut.success());
            release.set();
        }));
        assertEquals("Cancelled because the only coroutine waiting for it timed out", message[0]);
        assertTrue(orphan.isDone());
        assertEquals(List.of("shared finished"), log);
    }

    /**
     * tinyio throws a second {@code CancelledError} into a root that yielded instead of letting the cycle error
     * escape, which runs its cleanup then; here it is never resumed, and still counts as cancelled.
     */
    @Test
    void a_root_that_yields_in_answer_to_the_cycle_error_is_never_resumed() {
        Coro<?>[] root = new Coro<?>[1];
        Coro<Object> other = Coro.of(() -> Coro.yield(root[0]));
        root[0] = Coro.ofVoid(() -> {
            try {
                Coro.yield(other);
            } catch (CancelledError cycle) {
                log.add("caught");
                Coro.yield();
                log.add("resumed");
            } finally {
                log.add("cleaned up");
            }
        });
        CancelledError[] thrown = {null};
        List<LogRecord> warnings = LogCapture.during(() -> thrown[0] = assertThrows(CancelledError.class,
                () -> new Loop().run(root[0])));
        assertEquals(CycleTest.CYCLE, thrown[0].getMessage());
        assertEquals(List.of("caught"), log);
        assertTrue(warnings.stream().anyMatch(w -> w.getMessage().contains("did not respond properly to cancellation")
                && w.getMessage().contains("Instead, the coroutine yielded")), warnings.toString());
        assertTrue(root[0].isDone());
    }
}
