package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.TestClock;
import dev.tinyio.ThreadPool;
import dev.tinyio.TimeoutError;
import dev.tinyio.Tinyio;
import dev.tinyio.TraceRecorder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Virtual time ({@link TestClock}, docs/semantics.md "Virtual time"). Every test here takes hours of virtual time and
 * should take milliseconds of real time; the timeout is generous, and nothing asserts how long a test took. Orders
 * come from the loop's own stepping: where another thread must act while the loop waits, it waits until the loop's
 * thread is parked in its run.
 */
@Timeout(60)
class TestClockTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    /** The time of the running loop, in whole minutes since {@link TestClock#START}. */
    private static long minutes() {
        return minutesOf(Tinyio.now());
    }

    private static long minutesOf(Instant instant) {
        return Duration.between(TestClock.START, instant).toMinutes();
    }

    /** A coroutine that sleeps, then logs its name and the time. */
    private static Coro<Void> after(Duration delay, String name, List<String> log) {
        return Coro.ofVoid(() -> {
            Coro.yield(Tinyio.sleep(delay));
            log.add(name + " at " + minutes());
        });
    }

    /**
     * Waits, on a thread other than the loop's, until the loop's thread parks in its run: every coroutine waits and
     * the loop has chosen not to jump ahead.
     */
    private static void awaitParked(Thread loopThread) throws InterruptedException {
        while (true) {
            Object blocker = LockSupport.getBlocker(loopThread);
            if (loopThread.getState() == Thread.State.WAITING && blocker != null
                    && blocker.getClass().getSimpleName().equals("LoopRun")) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("the loop never parked");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // The example
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void three_one_hour_sleeps_and_a_ten_minute_timeout_of_a_twenty_minute_sleep_gathered_take_one_virtual_hour() {
        TestClock clock = new TestClock();
        List<Object> results = new Loop().clock(clock).run(Coro.of(() -> Coro.yield(List.of(
                Tinyio.sleep(HOUR), Tinyio.sleep(HOUR), Tinyio.sleep(HOUR),
                Tinyio.timeout(Tinyio.sleep(Duration.ofMinutes(20)), Duration.ofMinutes(10))))));
        assertEquals(TestClock.START.plus(HOUR), clock.now());
        Result<?> timedOut = assertInstanceOf(Result.class, results.get(3));
        assertFalse(timedOut.success());
        assertInstanceOf(TimeoutError.class, timedOut.error());
    }

    // -----------------------------------------------------------------------------------------------------------
    // The README's example, as the README shows it (ReadmeTest checks that it does)
    // -----------------------------------------------------------------------------------------------------------

    static Coro<String> fetchWithRetries(Callable<String> fetch) {
        return Coro.of(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return fetch.call();
                } catch (IOException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    Coro.yield(Tinyio.sleep(Duration.ofSeconds(30)));
                }
            }
        });
    }

    @Test
    void gives_up_after_three_tries_thirty_seconds_apart() {
        TestClock clock = new TestClock();
        List<Instant> tries = new ArrayList<>();
        Coro<String> fetch = fetchWithRetries(() -> {
            tries.add(Tinyio.now());
            throw new IOException("unreachable");
        });
        assertThrows(IOException.class, () -> new Loop().clock(clock).run(fetch));
        assertEquals(List.of(TestClock.START, TestClock.START.plusSeconds(30), TestClock.START.plusSeconds(60)), tries);
    }

    // -----------------------------------------------------------------------------------------------------------
    // The clock
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void a_new_clock_starts_at_a_fixed_instant_and_advance_moves_it_forward_only() {
        TestClock clock = new TestClock();
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), clock.now());
        assertEquals(TestClock.START, new TestClock().now());
        clock.advance(Duration.ofSeconds(90));
        clock.advance(Duration.ZERO);
        assertEquals(TestClock.START.plusSeconds(90), clock.now());
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> clock.advance(Duration.ofSeconds(-1)));
        assertEquals("TestClock.advance(PT-1S): time only moves forward, so the duration must not be negative",
                backwards.getMessage());
        assertSame(clock, clock.autoAdvance(false));
    }

    @Test
    void auto_advance_jumps_to_the_nearest_deadline_whenever_every_coroutine_waits() {
        TestClock clock = new TestClock();
        List<String> log = new ArrayList<>();
        new Loop().clock(clock).run(Coro.ofVoid(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(after(Duration.ofMinutes(3), "b", log),
                    after(MINUTE, "a", log))));
            log.add("root at " + minutes());
            Coro.yield(Tinyio.sleep(Duration.ofMinutes(2)));
            log.add("root at " + minutes());
        }));
        assertEquals(List.of("root at 0", "a at 1", "root at 2", "b at 3"), log);
        assertEquals(TestClock.START.plus(Duration.ofMinutes(3)), clock.now());
    }

    @Test
    void deadlines_at_the_same_instant_fire_in_the_order_they_were_armed() {
        List<String> log = new ArrayList<>();
        Coro<Void> y = Coro.ofVoid(() -> {
            Coro.yield(Tinyio.sleep(MINUTE));
            // Armed at minute 1, last of the three, for minute 2.
            Coro.yield(Tinyio.sleep(MINUTE));
            log.add("y at " + minutes());
        });
        new Loop().clock(new TestClock()).run(Coro.ofVoid(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(after(Duration.ofMinutes(2), "x", log), y,
                    after(Duration.ofMinutes(2), "z", log))));
        }));
        assertEquals(List.of("x at 2", "z at 2", "y at 2"), log);
    }

    @Test
    void with_auto_advance_off_a_test_steps_the_loop_and_advances_the_clock_itself() {
        TestClock clock = new TestClock().autoAdvance(false);
        Script script = new Script();
        try (Loop.Run<Void> run = new Loop().clock(clock).start(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(Tinyio.sleep(Duration.ofMinutes(5)));
            script.expect(3);
            assertEquals(5, minutes());
        }))) {
            while (run.step()) {
                continue;
            }
            script.expect(2);
            clock.advance(Duration.ofMinutes(4));
            assertFalse(run.step(), "nothing is due at minute 4");
            clock.advance(MINUTE);
            while (run.step()) {
                continue;
            }
            assertTrue(run.isFinished());
            script.finish(4);
        }
        script.assertFinished(4);
    }

    @Test
    void with_auto_advance_off_a_run_left_with_nothing_but_timers_fails_instead_of_hanging() {
        TestClock clock = new TestClock().autoAdvance(false);
        List<String> log = new ArrayList<>();
        IllegalStateException stalled = assertThrows(IllegalStateException.class, () -> new Loop().clock(clock)
                .run(Coro.ofVoid(() -> {
                    try {
                        Coro.yield(Tinyio.sleep(MINUTE));
                        log.add("woke");
                    } finally {
                        log.add("cleaned up at " + minutes());
                    }
                })));
        assertEquals("The loop has nothing left to wait for but timers, and its TestClock does not advance by itself "
                + "(autoAdvance(false)), so it would wait for ever. Advance the clock with TestClock.advance between "
                + "steps of a Loop.Run (loop.start(coro)), or leave auto-advance on.", stalled.getMessage());
        assertEquals(List.of("cleaned up at 0"), log);
        assertEquals(TestClock.START, clock.now());
    }

    // -----------------------------------------------------------------------------------------------------------
    // What reads the clock
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void event_waits_and_timeouts_read_the_loops_clock() {
        TestClock clock = new TestClock();
        List<String> log = new ArrayList<>();
        new Loop().clock(clock).run(Coro.ofVoid(() -> {
            Coro.yield(new Event().await(Duration.ofMinutes(7)));
            log.add("event wait over at " + minutes());
            Result<Void> inTime = Coro.yield(Tinyio.timeout(Tinyio.sleep(MINUTE), Duration.ofMinutes(2)));
            log.add("in time: " + inTime.success() + " at " + minutes());
            Result<Void> late = Coro.yield(Tinyio.timeout(Tinyio.sleep(Duration.ofMinutes(5)), Duration.ofMinutes(3)));
            log.add("late: " + late.success() + " at " + minutes());
        }));
        assertEquals(List.of("event wait over at 7", "in time: true at 8", "late: false at 11"), log);
    }

    @Test
    void tinyio_now_reads_the_running_loops_clock_inside_a_coroutine_and_the_real_time_elsewhere() {
        TestClock clock = new TestClock();
        clock.advance(Duration.ofDays(3));
        AtomicReference<Instant> onThread = new AtomicReference<>();
        List<Instant> inside = new Loop().clock(clock).run(Coro.of(() -> {
            Instant first = Tinyio.now();
            Coro.yield(Tinyio.sleep(HOUR));
            Coro.yield(Tinyio.runInThread(() -> {
                onThread.set(Tinyio.now());
                return null;
            }));
            return List.of(first, Tinyio.now());
        }));
        assertEquals(List.of(TestClock.START.plus(Duration.ofDays(3)), TestClock.START.plus(Duration.ofDays(3))
                .plus(HOUR)), inside);
        assertRealTime(onThread.get());
        assertRealTime(Tinyio.now());
        assertRealTime(new Loop().run(Coro.of(Tinyio::now)));
    }

    private static void assertRealTime(Instant instant) {
        assertTrue(Duration.between(Instant.now(), instant).abs().compareTo(Duration.ofMinutes(10)) < 0,
                () -> instant + " is not the real time");
    }

    @Test
    void a_recordings_timestamps_read_the_clock_and_a_programs_timeline_is_the_same_on_every_run() {
        List<String> first = timeline();
        assertEquals(first, timeline());
        // The last sleep's wait: 90 minutes from minute 60, in microseconds.
        assertTrue(first.contains("wait ts 3600000000 dur 5400000000"), first::toString);
        // Steps take no time.
        assertTrue(first.stream().filter(span -> span.startsWith("run ")).allMatch(span -> span.endsWith(" dur 0")),
                first::toString);
    }

    private static final Pattern SPAN = Pattern.compile("\"cat\":\"(\\w+)\",\"ph\":\"X\",\"pid\":1,\"tid\":\\d+,"
            + "\"ts\":(\\d+),\"dur\":(\\d+)");

    /** The spans of a recorded program with sleeps, in order, without the coroutines' names. */
    private static List<String> timeline() {
        TraceRecorder recorder = new TraceRecorder();
        List<String> log = new ArrayList<>();
        new Loop().clock(new TestClock()).recordTo(recorder).run(Coro.ofVoid(() -> {
            Coro.yield(List.of(after(Duration.ofMinutes(30), "a", log), after(Duration.ofMinutes(60), "b", log)));
            Coro.yield(Tinyio.sleep(Duration.ofMinutes(90)));
        }));
        List<String> spans = new ArrayList<>();
        Matcher span = SPAN.matcher(recorder.toJson());
        while (span.find()) {
            spans.add(span.group(1) + " ts " + span.group(2) + " dur " + span.group(3));
        }
        assertTrue(spans.size() > 10, spans::toString);
        return spans;
    }

    @Test
    void a_dump_counts_the_next_wake_up_on_the_clock() {
        Loop loop = new Loop().clock(new TestClock());
        String dump = loop.run(Coro.of(() -> {
            // The background sleep arms its timer in its first step, which runs before this coroutine's next.
            Coro.yield(Set.of(Tinyio.sleep(Duration.ofMinutes(90))));
            return loop.dump();
        }));
        assertTrue(dump.contains("next wake-up in 5400000 ms"), dump);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Loops started inside a loop, and loops beside it
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void an_isolates_nested_loop_shares_the_outer_clock_and_advances_with_it() {
        TestClock clock = new TestClock();
        List<String> log = new ArrayList<>();
        new Loop().clock(clock).run(Coro.ofVoid(() -> {
            Coro.yield(List.of(Tinyio.isolate(after(Duration.ofMinutes(30), "inside", log)),
                    after(Duration.ofMinutes(20), "outside", log)));
            log.add("both done at " + minutes());
        }));
        assertEquals(List.of("outside at 20", "inside at 30", "both done at 30"), log);
        assertEquals(TestClock.START.plus(Duration.ofMinutes(30)), clock.now());
    }

    @Test
    void a_loop_run_inside_a_coroutine_shares_the_outer_clock_and_advances_with_it() {
        TestClock clock = new TestClock();
        List<String> log = new ArrayList<>();
        new Loop().clock(clock).run(Coro.ofVoid(() -> {
            Coro<Void> outside = after(Duration.ofMinutes(90), "outside", log);
            Coro.yield(Set.of(outside));
            // The background coroutine's sleep arms its timer for minute 90 before the nested loop runs.
            Coro.yield();
            new Loop().run(after(HOUR, "nested", log));
            log.add("back at " + minutes());
            Coro.yield(outside);
            log.add("done at " + minutes());
        }));
        assertEquals(List.of("nested at 60", "back at 60", "outside at 90", "done at 90"), log);
    }

    @Test
    void two_independent_runs_at_once_on_one_clock_are_refused() throws Exception {
        TestClock clock = new TestClock();
        Loop second = new Loop().clock(clock);
        Coro<Void> secondRoot = Tinyio.sleep(MINUTE);
        String expected = "This TestClock already drives a run, started on thread \"" + Thread.currentThread().getName()
                + "\". A TestClock drives one run at a time, and the loops started from inside it (an isolate's, a "
                + "nested Loop.run), which share it. Give each independent run a TestClock of its own, or let the "
                + "other run finish (close a Loop.Run you no longer step).";
        Loop.Run<Void> first = new Loop().clock(clock).start(Tinyio.sleep(MINUTE));
        assertTrue(first.step());
        IllegalStateException here = assertThrows(IllegalStateException.class, () -> second.run(secondRoot));
        assertEquals(expected, here.getMessage());
        AtomicReference<Throwable> there = new AtomicReference<>();
        Thread other = new Thread(() -> there.set(assertThrows(IllegalStateException.class,
                () -> new Loop().clock(clock).run(Tinyio.sleep(MINUTE)))));
        other.start();
        other.join();
        assertEquals(expected, there.get().getMessage());
        while (!first.isFinished()) {
            if (!first.step()) {
                first.awaitWakeUp();
            }
        }
        // Refused, the loop and its coroutine were left as they were; once the first run is over, they run.
        second.run(secondRoot);
        assertTrue(secondRoot.isDone());
        assertEquals(TestClock.START.plus(Duration.ofMinutes(2)), clock.now());
    }

    // -----------------------------------------------------------------------------------------------------------
    // Threads stay real
    // -----------------------------------------------------------------------------------------------------------

    @Test
    void auto_advance_waits_for_a_thread_the_loop_started() {
        assertAutoAdvanceWaitsFor(loopThread -> Tinyio.runInThread(() -> {
            awaitParked(loopThread);
            return "the thread";
        }));
    }

    @Test
    void auto_advance_waits_for_a_thread_pool_task() {
        ThreadPool pool = new ThreadPool(1);
        assertAutoAdvanceWaitsFor(loopThread -> pool.runInThread(() -> {
            awaitParked(loopThread);
            return "the pool";
        }));
    }

    @Test
    void auto_advance_waits_for_a_stage_it_waits_for() {
        assertAutoAdvanceWaitsFor(loopThread -> {
            CompletableFuture<String> stage = new CompletableFuture<>();
            Thread completer = new Thread(() -> {
                try {
                    awaitParked(loopThread);
                    stage.complete("the stage");
                } catch (InterruptedException e) {
                    stage.completeExceptionally(e);
                }
            });
            completer.start();
            return Tinyio.fromFuture(stage);
        });
    }

    @Test
    void auto_advance_waits_for_a_thread_inside_an_isolate() {
        assertAutoAdvanceWaitsFor(loopThread -> Coro.of(() -> {
            Result<String> isolated = Coro.yield(Tinyio.isolate(Tinyio.runInThread(() -> {
                awaitParked(loopThread);
                return "the isolate";
            })));
            return isolated.getOrThrow();
        }));
    }

    /** Makes the work to wait for, given the loop's thread. */
    @FunctionalInterface
    private interface Work {
        Coro<String> on(Thread loopThread);
    }

    /**
     * While the work runs, a one-minute sleep is due but not fired: the loop parks instead of jumping, and the work
     * sees the clock at its start. The work ends only once the loop has parked, so a loop that jumped would fire the
     * sleep first.
     */
    private static void assertAutoAdvanceWaitsFor(Work work) {
        TestClock clock = new TestClock();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread loopThread = Thread.currentThread();
        new Loop().clock(clock).run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(after(MINUTE, "sleep", log)));
            String done = Coro.yield(work.on(loopThread));
            log.add(done + " done at " + minutes());
        }));
        assertEquals(2, log.size(), log::toString);
        assertTrue(log.get(0).endsWith(" done at 0"), log::toString);
        assertEquals("sleep at 1", log.get(1));
    }

    @Test
    void advancing_from_another_thread_wakes_a_waiting_loop_to_fire_what_falls_due() {
        TestClock clock = new TestClock().autoAdvance(false);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread loopThread = Thread.currentThread();
        new Loop().clock(clock).run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(after(MINUTE, "sleep", log)));
            Coro.yield(Tinyio.runInThread(() -> {
                awaitParked(loopThread);
                clock.advance(MINUTE);
                while (log.isEmpty()) {
                    LockSupport.parkNanos(1_000_000);
                }
                return null;
            }));
            log.add("thread done at " + minutes());
        }));
        assertEquals(List.of("sleep at 1", "thread done at 1"), log);
    }

    @Test
    void an_event_set_by_a_thread_the_loop_knows_nothing_of_is_not_waited_for() throws Exception {
        TestClock clock = new TestClock();
        Event event = new Event();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread loopThread = Thread.currentThread();
        Thread setter = new Thread(() -> {
            try {
                awaitParked(loopThread);
                event.set();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        setter.start();
        new Loop().clock(clock).run(Coro.ofVoid(() -> Coro.yield(List.of(Coro.ofVoid(() -> {
            Coro.yield(event.await());
            log.add("event at " + minutes());
        }), after(HOUR, "sleep", log)))));
        setter.join();
        // Time jumped past the event, which the loop could not know would come.
        assertEquals(List.of("sleep at 60", "event at 60"), log);
    }

    @Test
    void such_a_test_sets_the_event_and_advances_by_hand_between_steps() {
        TestClock clock = new TestClock().autoAdvance(false);
        Event event = new Event();
        List<String> log = new ArrayList<>();
        try (Loop.Run<List<Void>> run = new Loop().clock(clock).start(Coro.of(() -> Coro.yield(List.of(
                Coro.ofVoid(() -> {
                    Coro.yield(event.await());
                    log.add("event at " + minutes());
                }), after(HOUR, "sleep", log)))))) {
            while (run.step()) {
                continue;
            }
            event.set();
            while (run.step()) {
                continue;
            }
            clock.advance(HOUR);
            while (run.step()) {
                continue;
            }
            assertTrue(run.isFinished());
        }
        assertEquals(List.of("event at 0", "sleep at 60"), log);
    }

    @Test
    void a_loop_without_a_clock_reads_the_real_time() {
        Instant inside = new Loop().run(Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ZERO));
            return Tinyio.now();
        }));
        assertNotEquals(TestClock.START, inside);
        assertRealTime(inside);
    }
}
