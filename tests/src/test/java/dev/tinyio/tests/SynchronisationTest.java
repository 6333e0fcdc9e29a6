package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Barrier;
import dev.tinyio.Coro;
import dev.tinyio.Lock;
import dev.tinyio.Loop;
import dev.tinyio.Permit;
import dev.tinyio.Result;
import dev.tinyio.Semaphore;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Semaphores, locks, barriers and completion order. */
class SynchronisationTest {
    private int holders;

    private Coro<Integer> count(Semaphore semaphore, int i, int limit) {
        return Coro.of(() -> {
            try (Permit permit = Coro.yield(semaphore.acquire())) {
                holders++;
                if (holders > limit) {
                    throw new IllegalStateException(holders + " holders at once");
                }
                Coro.yield();
                holders--;
            }
            return i;
        });
    }

    private List<Integer> runCounters(Semaphore semaphore, int limit) {
        holders = 0;
        List<Coro<Integer>> counters = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            counters.add(count(semaphore, i, limit));
        }
        return new Loop().run(Coro.of(() -> Coro.yield(counters)));
    }

    @Test
    void a_semaphore_limits_holders() {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, runCounters(new Semaphore(2), 2));
        assertThrows(IllegalStateException.class, () -> runCounters(new Semaphore(3), 2));
        assertEquals(expected, runCounters(new Semaphore(1), 1));
    }

    @Test
    void a_lock_lets_one_through_at_a_time() {
        Lock lock = new Lock();
        List<Coro<Integer>> counters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int index = i;
            counters.add(Coro.of(() -> {
                try (Permit permit = Coro.yield(lock.acquire())) {
                    holders++;
                    Coro.yield();
                    assertEquals(1, holders);
                    holders--;
                }
                return index;
            }));
        }
        assertEquals(20, new Loop().run(Coro.of(() -> Coro.yield(counters))).size());
    }

    @Test
    void permits_are_handed_over_first_in_first_out() {
        Semaphore semaphore = new Semaphore(1);
        List<String> order = new ArrayList<>();
        String[] duringHandOver = new String[1];
        Coro<Void> latecomer = Coro.ofVoid(() -> {
            try (Permit permit = Coro.yield(semaphore.acquire())) {
                order.add("late");
            }
        });
        List<Coro<Void>> acquirers = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            acquirers.add(Coro.ofVoid(() -> {
                Permit permit = Coro.yield(semaphore.acquire());
                order.add(name);
                Coro.yield();
                if (name.equals("a")) {
                    // The latecomer's first step queues its acquire, which then steps right after this release.
                    Coro.yield(new LinkedHashSet<>(List.of(latecomer)));
                    permit.close();
                    duringHandOver[0] = semaphore.toString();
                } else {
                    permit.close();
                }
            }));
        }
        new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(acquirers);
            Coro.yield(latecomer);
        }));
        // The latecomer asks while the permit is being handed from a to b, promised to b but not yet b's: it
        // never barges in.
        assertEquals("Semaphore[0 available, 2 waiting]", duringHandOver[0]);
        assertEquals(List.of("a", "b", "c", "d", "late"), order);
    }

    @Test
    void a_permit_cannot_be_released_twice_or_reused() {
        Semaphore semaphore = new Semaphore(2);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro<Permit> acquire = semaphore.acquire();
            try (Permit first = Coro.yield(acquire)) {
                Coro.yield();
            }
            try (Permit again = Coro.yield(acquire)) {
                Coro.yield();
            }
        })));
        assertEquals("This permit was already released. Each Coro.yield(semaphore.acquire()) gives one permit: use a "
                + "new acquire() coroutine each time.", error.getMessage());
    }

    @Test
    void a_semaphore_needs_positive_permits_and_a_barrier_positive_parties() {
        assertEquals("A Semaphore needs a positive number of permits, not 0",
                assertThrows(IllegalArgumentException.class, () -> new Semaphore(0)).getMessage());
        assertEquals("A Barrier needs a positive number of parties, not -1",
                assertThrows(IllegalArgumentException.class, () -> new Barrier(-1)).getMessage());
    }

    @Test
    void as_completed_refuses_a_set_holding_null() {
        Set<Coro<Integer>> withNull = new HashSet<>();
        withNull.add(null);
        assertEquals("asCompleted needs a set of coroutines, and one of them is null",
                assertThrows(NullPointerException.class, () -> Tinyio.asCompleted(withNull)).getMessage());
    }

    @Test
    void a_cancelled_waiter_gives_up_its_place_and_its_permit() {
        Semaphore semaphore = new Semaphore(1);
        Coro<Permit> held = semaphore.acquire();
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            try (Permit permit = Coro.yield(held)) {
                Coro.yield(Set.of(semaphore.acquire()));
                Coro.yield();
                throw new IllegalStateException("everything is cancelled");
            }
        })));
        try (Permit permit = new Loop().run(semaphore.acquire())) {
            assertTrue(permit != null, "the cancelled waiter kept the permit");
        }
    }

    /**
     * A permit released on another thread just as the acquirer it is handed to times out is neither lost nor
     * given twice: the hand-off and the withdrawal decide under the semaphore's lock which of them moves it on.
     */
    @Test
    void a_permit_released_on_a_thread_as_its_next_acquirer_times_out_is_kept() throws Exception {
        for (int round = 0; round < 3_000; round++) {
            Semaphore semaphore = new Semaphore(1);
            long spinNanos = 1_000L * (round % 30);
            Duration patience = Duration.ofNanos(1_000L * (round % 37));
            new Loop().run(Coro.ofVoid(() -> {
                Permit held = Coro.yield(semaphore.acquire());
                Thread releaser = new Thread(() -> {
                    long until = System.nanoTime() + spinNanos;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    held.close();
                });
                releaser.start();
                Result<Permit> next = Coro.yield(Tinyio.timeout(semaphore.acquire(), patience));
                if (next.success()) {
                    next.value().close();
                }
                releaser.join();
            }));
            assertEquals("Semaphore[1 available, 0 waiting]", semaphore.toString(), "round " + round);
        }
    }

    @Test
    void a_barrier_holds_everyone_until_all_arrive_and_numbers_the_arrivals() {
        Barrier barrier = new Barrier(3);
        int[] arrived = {0};
        List<Coro<Integer>> parties = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parties.add(Coro.of(() -> {
                arrived[0]++;
                int index = Coro.yield(barrier.await());
                assertEquals(3, arrived[0]);
                return index;
            }));
        }
        assertEquals(List.of(0, 1, 2), new Loop().run(Coro.of(() -> Coro.yield(parties))));
    }

    @Test
    void as_completed_gives_results_in_completion_order_and_allows_any_awaiting_order() {
        Set<Coro<Integer>> slowcoaches = new LinkedHashSet<>();
        for (int steps : new int[] {70, 20, 45}) {
            slowcoaches.add(Coro.of(() -> {
                for (int i = 0; i < steps; i++) {
                    Coro.yield();
                }
                return steps;
            }));
        }
        List<Integer> inOrder = new Loop().run(Coro.of(() -> {
            List<Integer> out = new ArrayList<>();
            for (Coro<Integer> next : Coro.yield(Tinyio.asCompleted(slowcoaches))) {
                out.add(Coro.yield(next));
            }
            return out;
        }));
        assertEquals(List.of(20, 45, 70), inOrder);

        Set<Coro<String>> quick = new LinkedHashSet<>(List.of(Coro.of(() -> "x"), Coro.of(() -> {
            Coro.yield();
            return "y";
        })));
        List<String> reversed = new Loop().run(Coro.of(() -> {
            List<Coro<String>> completions = new ArrayList<>();
            Coro.<Iterable<Coro<String>>>yield(Tinyio.asCompleted(quick)).forEach(completions::add);
            return List.of(Coro.yield(completions.get(1)), Coro.yield(completions.get(0)));
        }));
        assertEquals(List.of("y", "x"), reversed);
    }
}
