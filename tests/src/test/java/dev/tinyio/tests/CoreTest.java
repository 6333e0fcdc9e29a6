package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a coroutine yields, after tinyio's own core tests. */
class CoreTest {
    static Coro<Integer> addOne(int x) {
        return Coro.of(() -> {
            Coro.yield();
            return x + 1;
        });
    }

    static Coro<Integer> addTwo(int x) {
        return Coro.of(() -> {
            int y = Coro.yield(addOne(x));
            return Coro.yield(addOne(y));
        });
    }

    @Test
    void awaits_a_chain() {
        assertEquals(6, new Loop().run(addTwo(4)));
    }

    @Test
    void gathers_in_list_order() {
        assertEquals(List.of(4, 5), new Loop().run(Coro.of(() -> Coro.yield(List.of(addOne(3), addTwo(3))))));
    }

    @Test
    void an_empty_gather_resumes_with_an_empty_list() {
        assertEquals(List.of(), new Loop().run(Coro.of(() -> Coro.yield(List.<Coro<Integer>>of()))));
    }

    @Test
    void yielding_one_coroutine_twice_returns_its_one_result() {
        AtomicBoolean ranTwice = new AtomicBoolean();
        int[] runs = {0};
        Coro<Integer> once = Coro.of(() -> {
            runs[0]++;
            ranTwice.set(runs[0] > 1);
            Coro.yield();
            return 4;
        });
        List<Integer> out = new Loop().run(Coro.of(() -> {
            int x = Coro.yield(once);
            int y = Coro.yield(once);
            return List.of(x, y);
        }));
        assertEquals(List.of(4, 4), out);
        assertFalse(ranTwice.get());
    }

    @Test
    void a_coroutine_listed_twice_counts_twice() {
        Coro<Integer> foo = addOne(3);
        assertEquals(List.of(4, 4), new Loop().run(Coro.of(() -> Coro.yield(List.of(foo, foo)))));
    }

    @Test
    void diamonds_share_one_run() {
        int[] runs = {0};
        Coro<Integer> shared = Coro.of(() -> {
            runs[0]++;
            Coro.yield();
            return 3;
        });
        Coro<Integer> out = Coro.of(() -> {
            List<Integer> ab = Coro.yield(List.of(times(shared, 1), times(shared, 2)));
            return ab.get(0) + ab.get(1);
        });
        assertEquals(9, new Loop().run(out));
        assertEquals(1, runs[0]);
    }

    private static Coro<Integer> times(Coro<Integer> y, int factor) {
        return Coro.of(() -> Coro.yield(y) * factor);
    }

    @Test
    void a_loop_remembers_results_across_runs() {
        Coro<Integer> foo = addOne(4);
        Loop loop = new Loop();
        for (int i = 0; i < 3; i++) {
            assertEquals(25, loop.run(Coro.of(() -> Coro.yield(foo) * 5)));
        }
        assertEquals(5, loop.run(foo));
    }

    @Test
    void waiting_on_an_already_finished_coroutine_in_a_list_or_a_set() {
        Coro<Integer> foo = addOne(1);
        new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Coro.of(() -> Coro.yield(foo)));
            Coro.yield(List.of(addOne(2), foo));
            Coro.yield(new LinkedHashSet<>(List.of(addOne(3), foo)));
        }));
        assertTrue(foo.isDone());
    }

    @Test
    void background_coroutines_run_while_the_yielder_carries_on() {
        for (boolean waitOnF : new boolean[] {false, true}) {
            boolean[] flag = {false};
            boolean[] done = {false};
            new Loop().run(Coro.ofVoid(() -> {
                Coro<Integer> f = Coro.of(() -> {
                    while (!flag[0]) {
                        Coro.yield();
                    }
                    return 3;
                });
                Coro.yield(Set.of(f));
                Coro.yield(Coro.ofVoid(() -> {
                    flag[0] = true;
                    Coro.yield();
                }));
                if (waitOnF) {
                    assertEquals(3, Coro.yield(f));
                }
                done[0] = true;
            }));
            assertTrue(done[0]);
        }
    }

    @Test
    void an_empty_set_just_cedes() {
        assertEquals(3, new Loop().run(Coro.of(() -> {
            Coro.yield(Set.<Coro<?>>of());
            return 3;
        })));
    }

    @Test
    void a_background_coroutine_yielded_again_is_not_restarted() {
        int[] runs = {0};
        Coro<Integer> f = Coro.of(() -> {
            runs[0]++;
            Coro.yield();
            return 3;
        });
        List<Integer> out = new Loop().run(Coro.of(() -> {
            Coro.yield(Set.of(f));
            Coro.yield(Set.of(f));
            return List.of(Coro.yield(f), Coro.yield(f));
        }));
        assertEquals(List.of(3, 3), out);
        assertEquals(1, runs[0]);
    }

    @Test
    void coroutines_that_never_yield() {
        Coro<Integer> direct = Coro.of(() -> 3);
        assertEquals(3, new Loop().run(direct));
        assertEquals(3, new Loop().run(Coro.of(() -> Coro.yield(Coro.of(() -> 3)))));
        assertNull(new Loop().run(Coro.ofVoid(() -> { })));
    }

    /** A loop starts each coroutine on a spare fiber that only a suspending one keeps: none may see another's frames. */
    @Test
    void coroutines_ending_at_once_and_suspending_ones_interleave() {
        List<Coro<Integer>> coros = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int index = i;
            coros.add(i % 3 == 0 ? Coro.of(() -> {
                int before = index * 10;
                Coro.yield();
                int after = Coro.yield(Coro.of(() -> before + 1));
                return after / 10;
            }) : Coro.of(() -> index));
        }
        List<Integer> results = new Loop().run(Coro.of(() -> Coro.yield(coros)));
        for (int i = 0; i < 300; i++) {
            assertEquals(i, results.get(i));
        }
    }

    @Test
    void is_done_once_finished() {
        Coro<Integer> foo = addOne(1);
        assertFalse(foo.isDone());
        new Loop().run(foo);
        assertTrue(foo.isDone());
    }

    @Test
    void the_readme_example_takes_one_delay_not_two() {
        Duration delay = Duration.ofMillis(500);
        long start = System.nanoTime();
        List<Integer> out = new Loop().run(Coro.of(() -> Coro.yield(List.of(slowAddOne(3, delay),
                slowAddOne(4, delay)))));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(4, 5), out);
        assertTrue(elapsedMillis >= 500, elapsedMillis + " ms");
        assertTrue(elapsedMillis < 950, "the two sleeps did not overlap: " + elapsedMillis + " ms");
    }

    @Test
    void a_hundred_gathered_sleeps_overlap() {
        // Sleeps far longer than the test: once the run has nothing left to step, every sleeper has begun its
        // sleep and none has ended, so all hundred sleep at once.
        List<Coro<Integer>> longSleepers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            longSleepers.add(slowAddOne(1, Duration.ofHours(1)));
        }
        Loop.Run<List<Integer>> blocked = new Loop().start(Coro.of(() -> Coro.yield(longSleepers)));
        while (blocked.step()) {
            // each sleeper begins its sleep
        }
        assertFalse(blocked.isFinished());
        assertTrue(longSleepers.stream().noneMatch(Coro::isDone));
        assertThrows(CancelledError.class, blocked::close);

        // Short ones: every deadline is at most 100 ms after the last sleep began. Once that has passed, the run
        // ends them all without waiting again, as it would not if they slept one after another.
        List<Coro<Integer>> sleepers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sleepers.add(slowAddOne(1, Duration.ofMillis(100)));
        }
        Loop.Run<List<Integer>> run = new Loop().start(Coro.of(() -> Coro.yield(sleepers)));
        while (run.step()) {
            // each sleeper begins its sleep
        }
        Deadline.parkUntil(System.nanoTime() + Duration.ofMillis(100).toNanos());
        while (run.step()) {
            // the timers fire, and everything that waited on them ends
        }
        assertTrue(run.isFinished(), "the sleeps did not all end once their deadlines had passed");
        List<Integer> out = run.result();
        assertEquals(100, out.size());
        assertTrue(out.stream().allMatch(x -> x == 2));
    }

    static Coro<Integer> slowAddOne(int x, Duration delay) {
        return Coro.of(() -> {
            Coro.yield(Tinyio.sleep(delay));
            return x + 1;
        });
    }
}
