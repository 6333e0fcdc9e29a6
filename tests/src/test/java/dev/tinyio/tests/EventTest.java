package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/** Events, timeouts and sleeping (docs/semantics.md, "Batteries"). */
class EventTest {
    private static Coro<Void> cede(int times) {
        return Coro.ofVoid(() -> {
            for (int i = 0; i < times; i++) {
                Coro.yield();
            }
        });
    }

    @Test
    void set_wakes_every_current_waiter() {
        Event event = new Event();
        List<String> log = new ArrayList<>();
        Coro<Void> waiter = Coro.ofVoid(() -> {
            assertFalse(event.isSet());
            Coro.yield(event.await());
            assertTrue(event.isSet());
            log.add("woken");
        });
        new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(waiter));
            Coro.yield(cede(10));
            assertTrue(log.isEmpty());
            event.set();
            assertTrue(event.isSet());
            Coro.yield(waiter);
        }));
        assertEquals(List.of("woken"), log);
    }

    @Test
    void waiting_on_a_set_event_returns_at_once_and_clear_affects_only_later_waits() {
        Event event = new Event();
        event.set();
        int out = new Loop().run(Coro.of(() -> {
            Coro.yield(event.await());
            event.clear();
            Coro.yield(event.await(Duration.ZERO));
            assertFalse(event.isSet());
            return 3;
        }));
        assertEquals(3, out);
    }

    @Test
    void a_wait_with_a_timeout_resumes_when_the_timeout_passes() {
        long start = System.nanoTime();
        new Loop().run(new Event().await(Duration.ofMillis(100)));
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 100);
    }

    @Test
    void timeouts_interleave_fairly_with_other_work() {
        List<Integer> outs = new ArrayList<>();
        Coro.VoidBody body = () -> {
            Coro.yield(new Event().await(Duration.ZERO));
            outs.add(1);
            Coro.yield(cede(20));
            outs.add(2);
        };
        new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(Coro.ofVoid(body), Coro.ofVoid(body)))));
        assertEquals(List.of(1, 1, 2, 2), outs);
    }

    @Test
    void a_timed_out_wait_in_the_background_runs_before_later_work() {
        Event event = new Event();
        List<Integer> outs = new ArrayList<>();
        new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(Coro.ofVoid(() -> {
                Coro.yield(event.await(Duration.ZERO));
                outs.add(1);
            })));
            Coro.yield(cede(20));
            outs.add(2);
        }));
        assertEquals(List.of(1, 2), outs);
    }

    @Test
    void set_then_timeout_then_clear_sequences_finish() {
        for (boolean setAgain : new boolean[] {false, true}) {
            Event first = new Event();
            Event second = new Event();
            int out = new Loop().run(Coro.of(() -> {
                Coro.yield(Set.of(Coro.ofVoid(() -> {
                    first.set();
                    Coro.yield(List.of(first.await(Duration.ZERO), second.await()));
                })));
                Coro.yield(cede(20));
                first.clear();
                second.set();
                if (setAgain) {
                    first.set();
                }
                return 3;
            }));
            assertEquals(3, out);
        }
    }

    @Test
    void timeout_then_set_finishes() {
        Event first = new Event();
        Event second = new Event();
        int out = new Loop().run(Coro.of(() -> {
            Coro.yield(Set.of(Coro.ofVoid(() -> Coro.yield(List.of(first.await(Duration.ZERO), second.await())))));
            Coro.yield(cede(20));
            first.set();
            Coro.yield(cede(20));
            second.set();
            return 3;
        }));
        assertEquals(3, out);
    }

    @Test
    void set_from_another_thread_wakes_a_blocked_loop_at_once() throws Exception {
        Event event = new Event();
        Thread loopThread = Thread.currentThread();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread setter = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                return;
            }
            Parked.await(loopThread); // the loop has nothing to step, and blocks until the event is set
            event.set();
        });
        setter.start();
        long start = System.nanoTime();
        new Loop().run(Coro.ofVoid(() -> {
            waiting.countDown();
            Coro.yield(event.await(Duration.ofSeconds(60)));
        }));
        setter.join();
        assertTrue((System.nanoTime() - start) / 1_000_000 < 30_000, "the loop was not woken by the other thread");
        assertTrue(event.isSet());
    }

    @Test
    void a_waiting_loop_does_not_spin() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        new Loop().run(Tinyio.sleep(Duration.ofSeconds(1)));
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        assertTrue(cpuMillis < 250, "the loop thread used " + cpuMillis + " ms of CPU over a 1 s wait");
    }

    @Test
    void no_wake_up_handed_over_by_other_threads_is_lost_while_the_loop_collects_others() throws Exception {
        // Four threads each play thousands of rounds with a coroutine: the coroutine lets its thread go on and
        // waits for its event, which the thread then sets. The loop collects hand-overs while others arrive; one
        // that it missed would leave its coroutine waiting, and the run would end in its 60-second timeout.
        int pairs = 4;
        int rounds = 2_000;
        List<Thread> setters = new ArrayList<>();
        List<Coro<Integer>> players = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            Event turn = new Event();
            Semaphore go = new Semaphore(0);
            Thread setter = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        go.acquire();
                        turn.set();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            setter.start();
            setters.add(setter);
            players.add(Coro.of(() -> {
                int woken = 0;
                for (int r = 0; r < rounds; r++) {
                    go.release();
                    Coro.yield(turn.await(Duration.ofSeconds(60)));
                    assertTrue(turn.isSet(), "woken by the timeout, not by the thread");
                    turn.clear();
                    woken++;
                }
                return woken;
            }));
        }
        List<Object> woken = new Loop().run(Coro.of(() -> Coro.yield(players)));
        for (Thread setter : setters) {
            setter.join();
        }
        assertEquals(List.of(rounds, rounds, rounds, rounds), woken);
    }

    @Test
    void a_hundred_threads_setting_one_event_at_once_wake_its_waiters() throws Exception {
        for (int round = 0; round < 20; round++) {
            Event event = new Event();
            CountDownLatch ready = new CountDownLatch(1);
            List<Thread> setters = new ArrayList<>();
            for (int t = 0; t < 100; t++) {
                Thread setter = new Thread(() -> {
                    try {
                        ready.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    event.set();
                });
                setter.start();
                setters.add(setter);
            }
            List<Coro<Void>> waiters = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                waiters.add(event.await());
            }
            new Loop().run(Coro.ofVoid(() -> {
                ready.countDown();
                Coro.yield(waiters);
            }));
            for (Thread setter : setters) {
                setter.join();
            }
            for (Coro<Void> waiter : waiters) {
                assertTrue(waiter.isDone());
            }
        }
    }

    @Test
    void set_and_clear_racing_from_threads_never_lose_a_wake_up() throws Exception {
        for (int round = 0; round < 200; round++) {
            Event event = new Event();
            Thread toggler = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    event.set();
                    event.clear();
                }
                event.set();
            });
            Coro<Void> waiter = event.await();
            toggler.start();
            new Loop().run(waiter);
            toggler.join();
            assertTrue(waiter.isDone());
        }
    }

    @Test
    void timed_out_waits_leave_the_event_whether_alone_or_among_others() {
        Event event = new Event();
        new Loop().run(event.await(Duration.ofMillis(1)));
        assertEquals("Event[clear, 0 waiting]", event.toString());
        new Loop().run(Coro.of(() -> Coro.yield(List.of(event.await(Duration.ofMillis(1)),
                event.await(Duration.ofMillis(2)), event.await(Duration.ofMillis(3))))));
        assertEquals("Event[clear, 0 waiting]", event.toString());
        Coro<Void> later = event.await();
        new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(later));
            Coro.yield();
            assertEquals("Event[clear, 1 waiting]", event.toString());
            event.set();
            Coro.yield(later);
        }));
        assertEquals("Event[set, 0 waiting]", event.toString());
    }

    /**
     * Waits join, time out and leave while other threads raise and lower the flag, on loops of several threads:
     * none is lost, and none is left registered once the flag ends down.
     */
    @Test
    void waits_joining_and_leaving_race_with_set_and_clear_from_threads() throws Exception {
        for (int round = 0; round < 30; round++) {
            Event event = new Event();
            Thread toggler = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    event.set();
                    Thread.onSpinWait();
                    event.clear();
                }
            });
            List<Thread> loops = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int l = 0; l < 3; l++) {
                int loop = l;
                loops.add(new Thread(() -> {
                    try {
                        new Loop().run(Coro.ofVoid(() -> Coro.yield(waiters(event, loop))));
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            toggler.start();
            loops.forEach(Thread::start);
            toggler.join();
            for (Thread loop : loops) {
                loop.join();
            }
            assertEquals(List.of(), failures);
            assertEquals("Event[clear, 0 waiting]", event.toString());
        }
    }

    /** Coroutines that each wait for the event twenty times, each time for at most a few microseconds. */
    private static List<Coro<Void>> waiters(Event event, int loop) {
        List<Coro<Void>> waiters = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int which = w + loop * 6;
            waiters.add(Coro.ofVoid(() -> {
                for (int i = 0; i < 20; i++) {
                    Coro.yield(event.await(Duration.ofNanos(1_000L * ((which * 7 + i) % 50))));
                }
            }));
        }
        return waiters;
    }

    /** A wait set before its timeout stays on the timer heap only until the heap is next purged, not for hours. */
    @Test
    void waits_set_long_before_their_timeouts_are_not_kept_until_then() {
        Event event = new Event();
        List<WeakReference<Coro<Void>>> early = new ArrayList<>();
        List<Coro<Void>> stillKept = new ArrayList<>();
        new Loop().run(Coro.ofVoid(() -> {
            for (int i = 0; i < 10_000; i++) {
                Coro<Void> waiting = event.await(Duration.ofHours(1));
                if (i < 10) {
                    early.add(new WeakReference<>(waiting));
                }
                Coro.yield(List.of(waiting, Coro.ofVoid(event::set)));
                event.clear();
            }
            for (int attempt = 0; attempt < 5 && early.stream().anyMatch(ref -> ref.get() != null); attempt++) {
                System.gc();
            }
            early.stream().map(WeakReference::get).filter(Objects::nonNull).forEach(stillKept::add);
        }));
        assertEquals(List.of(), stillKept);
    }

    @Test
    void sleeps_need_no_thread_and_overlap() {
        int threadsBefore = Thread.activeCount();
        // Sleeps far longer than the test: once the run has nothing left to step, every one has started and none
        // has ended, and the next wake-up is an hour away. All hundred sleep at once, on no thread of their own.
        List<Coro<Void>> longSleeps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            longSleeps.add(Tinyio.sleep(Duration.ofHours(1)));
        }
        long before = System.nanoTime();
        Loop.Run<Void> blocked = new Loop().start(Coro.ofVoid(() -> Coro.yield(longSleeps)));
        while (blocked.step()) {
            // each sleep makes its wait
        }
        assertFalse(blocked.isFinished());
        assertTrue(longSleeps.stream().noneMatch(Coro::isDone));
        assertTrue(blocked.wakeUpDeadline() - before >= Duration.ofHours(1).toNanos());
        assertTrue(Thread.activeCount() <= threadsBefore + 1);
        assertThrows(CancelledError.class, blocked::close);

        // Short ones: every deadline is at most 100 ms after the last wait was made. Once that has passed, the
        // run ends them all without waiting again, as it would not if they slept one after another.
        long start = System.nanoTime();
        List<Coro<Void>> sleeps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sleeps.add(Tinyio.sleep(Duration.ofMillis(100)));
        }
        Loop.Run<Void> run = new Loop().start(Coro.ofVoid(() -> Coro.yield(sleeps)));
        while (run.step()) {
            // each sleep makes its wait
        }
        Deadline.parkUntil(System.nanoTime() + Duration.ofMillis(100).toNanos());
        while (run.step()) {
            // the timers fire, and everything that waited on them ends
        }
        assertTrue(run.isFinished(), "the sleeps did not all end once their deadlines had passed");
        assertTrue(sleeps.stream().allMatch(Coro::isDone));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsed >= 100, elapsed + " ms");
        assertTrue(Thread.activeCount() <= threadsBefore + 1);
    }
}
