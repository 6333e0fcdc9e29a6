package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stepping API: a loop advanced one step at a time by another driver. */
class SteppingTest {
    @Test
    void a_run_advances_one_step_at_a_time() {
        List<String> log = new ArrayList<>();
        Loop.Run<Integer> run = new Loop().start(Coro.of(() -> {
            log.add("first");
            Coro.yield();
            log.add("second");
            return 5;
        }));
        assertTrue(log.isEmpty());
        assertTrue(run.step());
        assertEquals(List.of("first"), log);
        assertTrue(run.step());
        assertEquals(List.of("first", "second"), log);
        assertFalse(run.isFinished());
        assertFalse(run.step());
        assertTrue(run.isFinished());
        assertEquals(5, run.result());
    }

    @Test
    void a_blocked_run_says_until_when_and_can_be_waited_for() {
        Loop.Run<Void> run = new Loop().start(Tinyio.sleep(Duration.ofMillis(50)));
        assertTrue(run.step());
        long before = System.nanoTime();
        assertFalse(run.step());
        assertFalse(run.isFinished());
        long deadline = run.wakeUpDeadline();
        assertTrue(deadline - before > 0 && deadline - before <= Duration.ofMillis(50).toNanos());
        while (!run.isFinished()) {
            if (!run.step()) {
                run.awaitWakeUp();
            }
        }
        assertTrue(System.nanoTime() - deadline >= 0);
    }

    @Test
    void a_loop_is_running_until_its_run_finishes() {
        Loop loop = new Loop();
        Loop.Run<Integer> run = loop.start(Coro.of(() -> 1));
        assertThrows(IllegalStateException.class, () -> loop.run(Coro.of(() -> 2)));
        while (run.step()) {
            assertFalse(run.isFinished() && run.step());
        }
        assertEquals(1, run.result());
        assertEquals(2, loop.run(Coro.of(() -> 2)));
    }

    @Test
    void aborting_cancels_everything_with_the_same_cleanup_as_run() {
        List<String> log = new ArrayList<>();
        Loop loop = new Loop();
        Loop.Run<Void> run = loop.start(Coro.ofVoid(() -> {
            try {
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(60)));
            } finally {
                log.add("cleaned up");
            }
        }), GroupMode.NEVER);
        run.step();
        IllegalStateException reason = new IllegalStateException("driver gave up");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> run.abort(reason));
        assertEquals(reason, thrown);
        assertEquals(List.of("cleaned up"), log);
        assertTrue(run.isFinished());
        assertEquals(3, loop.run(Coro.of(() -> 3)));
    }

    @Test
    void closing_an_unfinished_run_cancels_it() {
        List<String> log = new ArrayList<>();
        CancelledError thrown = assertThrows(CancelledError.class, () -> {
            try (Loop.Run<Void> run = new Loop().start(Coro.ofVoid(() -> {
                try {
                    Coro.yield(Tinyio.sleep(Duration.ofSeconds(60)));
                } finally {
                    log.add("cleaned up");
                }
            }))) {
                run.step();
            }
        });
        assertTrue(thrown.getMessage().contains("closed before it finished"));
        assertEquals(List.of("cleaned up"), log);
    }

    @Test
    void a_failure_while_stepping_throws_from_the_step() {
        Loop.Run<Void> run = new Loop().start(Coro.ofVoid(() -> {
            Coro.yield();
            throw new IllegalStateException("boom");
        }));
        assertTrue(run.step());
        assertThrows(IllegalStateException.class, run::step);
        assertTrue(run.isFinished());
        assertThrows(IllegalStateException.class, run::result);
    }

    @Test
    void a_run_is_driven_on_the_thread_that_started_it() throws Exception {
        Loop.Run<Integer> run = new Loop().start(Coro.of(() -> {
            Coro.yield();
            return 7;
        }));
        List<Throwable> refused = new ArrayList<>();
        Thread other = new Thread(() -> {
            for (Runnable misuse : List.<Runnable>of(run::step, run::awaitWakeUp,
                    () -> run.abort(new IllegalStateException("from elsewhere")))) {
                try {
                    misuse.run();
                } catch (Throwable t) {
                    refused.add(t);
                }
            }
        }, "some-other-thread");
        other.start();
        other.join();
        assertEquals(3, refused.size());
        for (Throwable t : refused) {
            assertTrue(t instanceof IllegalStateException, t.toString());
            assertTrue(t.getMessage().contains("some-other-thread") && t.getMessage().contains(
                    Thread.currentThread().getName()), t.getMessage());
        }
        // Nothing was lost: the run goes on where it started.
        while (!run.isFinished()) {
            run.step();
        }
        assertEquals(7, run.result());
    }
}
