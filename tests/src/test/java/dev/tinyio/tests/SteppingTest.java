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
        // A sleep far longer than the test: blocked, the run says its wake-up is the sleep's deadline.
        Duration hour = Duration.ofHours(1);
        long before = System.nanoTime();
        Loop.Run<Void> blocked = new Loop().start(Tinyio.sleep(hour));
        assertTrue(blocked.step());
        long after = System.nanoTime();
        assertFalse(blocked.step());
        assertFalse(blocked.isFinished());
        long deadline = blocked.wakeUpDeadline();
        assertTrue(deadline - before >= hour.toNanos() && deadline - after <= hour.toNanos());
        assertThrows(CancelledError.class, blocked::close);

        // A short one: waited for, the run wakes no earlier than its deadline and finishes.
        Loop.Run<Void> run = new Loop().start(Tinyio.sleep(Duration.ofMillis(50)));
        assertTrue(run.step());
        long shortDeadline = run.wakeUpDeadline();
        while (!run.isFinished()) {
            if (!run.step()) {
                run.awaitWakeUp();
            }
        }
        assertTrue(System.nanoTime() - shortDeadline >= 0);
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
        assertEquals("The loop's run was closed before it finished", thrown.getMessage());
        assertEquals(List.of("cleaned up"), log);
    }

    @Test
    void a_failure_while_stepping_throws_from_the_step() {
        Loop.Run<Void> run = new Loop().start(Coro.ofVoid(() -> {
            Coro.yield();
            throw new IllegalStateException("boom");
        }));
        assertEquals("The run has not finished", assertThrows(IllegalStateException.class, run::result).getMessage());
        assertTrue(run.step());
        assertEquals("boom", assertThrows(IllegalStateException.class, run::step).getMessage());
        assertTrue(run.isFinished());
        assertEquals("The run has not finished successfully",
                assertThrows(IllegalStateException.class, run::result).getMessage());
        assertEquals("The run has already finished", assertThrows(IllegalStateException.class,
                () -> run.abort(new IllegalStateException("too late"))).getMessage());
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
        List<String> methods = List.of("step", "awaitWakeUp", "abort");
        for (int i = 0; i < 3; i++) {
            assertTrue(refused.get(i) instanceof IllegalStateException, refused.get(i).toString());
            assertEquals("Loop.Run." + methods.get(i) + "() was called on thread \"some-other-thread\", but the run "
                    + "was started on thread \"" + Thread.currentThread().getName() + "\". Drive a run on the thread "
                    + "that started it; to hand work to a loop on another thread, set an Event or use Tinyio.toFuture.",
                    refused.get(i).getMessage());
        }
        // Nothing was lost: the run goes on where it started.
        while (!run.isFinished()) {
            run.step();
        }
        assertEquals(7, run.result());
    }
}
