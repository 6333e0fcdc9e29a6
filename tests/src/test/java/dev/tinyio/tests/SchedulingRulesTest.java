package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Barrier;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More of the scheduling order of docs/semantics.md, step by step: event waits, sleeps, sets, duplicates, barriers. */
class SchedulingRulesTest {
    private final Script script = new Script();

    private Coro<Void> bystander(int... steps) {
        return Coro.ofVoid(() -> {
            for (int i = 0; i < steps.length; i++) {
                if (i > 0) {
                    Coro.yield();
                }
                script.expect(steps[i]);
            }
        });
    }

    @Test
    void awaiting_a_set_event_takes_two_steps_of_its_own() {
        Event e = new Event();
        e.set();
        sleepOrder(e.await());
    }

    @Test
    void set_by_a_coroutine_queues_the_wait_at_once_ahead_of_the_setter() {
        Event e = new Event();
        Coro<Void> waiter = Coro.ofVoid(() -> {
            script.expect(2);
            Coro.yield(e.await());
            script.expect(6);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(new LinkedHashSet<>(List.of(waiter)));
            script.expect(3);
            Coro.yield();
            script.expect(4);
            e.set();
            Coro.yield();
            script.expect(5);
            Coro.yield();
            script.expect(7);
            Coro.yield(waiter);
            script.finish(8);
        }));
        script.assertFinished(8);
    }

    @Test
    void set_then_clear_in_one_step_still_wakes_the_registered_waiter() {
        Event e = new Event();
        List<String> log = new ArrayList<>();
        new Loop().run(Coro.ofVoid(() -> {
            Coro<Void> w = Coro.ofVoid(() -> {
                Coro.yield(e.await());
                log.add("woken");
            });
            Coro.yield(new LinkedHashSet<>(List.of(w)));
            Coro.yield();
            Coro.yield();
            e.set();
            e.clear();
            Coro.yield(w);
            // a later wait does wait
            Coro.yield(e.await(Duration.ofMillis(30)));
            log.add("timed");
        }));
        assertEquals(List.of("woken", "timed"), log);
    }

    /**
     * A coroutine waits on {@code sleeper}, which ends at once: it takes one step to make its wait and one to end,
     * so its waiter resumes after the bystander's third step.
     *
     * @return what the waiter resumed with
     */
    private <T> T sleepOrder(Coro<T> sleeper) {
        List<T> result = new ArrayList<>();
        Coro<Void> w = Coro.ofVoid(() -> {
            script.expect(2);
            result.add(Coro.yield(sleeper));
            script.expect(6);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(List.of(w, bystander(3, 4, 5, 7)));
            script.finish(8);
        }));
        script.assertFinished(8);
        return result.get(0);
    }

    @Test
    void a_zero_sleep_times_out_before_the_next_step() {
        sleepOrder(Tinyio.sleep(Duration.ZERO));
    }

    @Test
    void a_negative_sleep_is_like_zero() {
        sleepOrder(Tinyio.sleep(Duration.ofMillis(-5)));
    }

    @Test
    void a_zero_event_timeout_is_like_a_zero_sleep() {
        sleepOrder(new Event().await(Duration.ZERO));
    }

    @Test
    void a_negative_event_timeout_is_like_zero() {
        sleepOrder(new Event().await(Duration.ofSeconds(-1)));
    }

    @Test
    void a_set_skips_known_members_and_queues_new_ones_then_the_yielder() {
        Coro<Void> a = bystander(2, 4, 7);
        Coro<Void> b = Coro.ofVoid(() -> script.expect(5));
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(new LinkedHashSet<>(List.of(a)));
            script.expect(3);
            Coro.yield(new LinkedHashSet<>(List.of(a, b)));
            script.expect(6);
            Coro.yield(List.of(a, b));
            script.finish(8);
        }));
        script.assertFinished(8);
    }

    @Test
    void a_set_holding_the_yielder_and_a_finished_member_just_cedes() {
        Coro<Integer> done = Coro.of(() -> 1);
        Coro<?>[] self = new Coro<?>[1];
        Coro<Void> other = bystander(2, 4);
        self[0] = Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(done);
            Coro.yield(new LinkedHashSet<>(List.of(other)));
            script.expect(3);
            Coro.yield(new LinkedHashSet<>(List.of(self[0], done)));
            script.expect(5);
            Coro.yield(other);
            script.finish(6);
        });
        new Loop().run(self[0]);
        script.assertFinished(6);
    }

    @Test
    void a_list_with_a_finished_coroutine_twice_and_a_new_one() {
        Coro<Integer> done = Coro.of(() -> 1);
        Coro<Integer> fresh = Coro.of(() -> {
            script.expect(5);
            Coro.yield();
            script.expect(7);
            return 2;
        });
        Coro<Void> other = bystander(3, 4, 6);
        List<Integer> out = new Loop().run(Coro.of(() -> {
            script.expect(1);
            Coro.yield(done);
            script.expect(2);
            Coro.yield(new LinkedHashSet<>(List.of(other)));
            List<Integer> r = Coro.yield(List.of(done, fresh, done, fresh));
            script.finish(8);
            return r;
        }));
        // The set queues other ahead of the root; fresh, new in the list, goes behind other, and they alternate.
        script.assertFinished(8);
        assertEquals(List.of(1, 2, 1, 2), out);
    }

    @Test
    void a_barrier_arrival_takes_the_same_steps_as_an_event_wait() {
        assertEquals(0, sleepOrder(new Barrier(1).await()));
    }

    @Test
    void late_arrivals_at_an_open_barrier_pass_with_their_index() {
        Barrier barrier = new Barrier(2);
        List<Integer> out = new Loop().run(Coro.of(() -> Coro.yield(
                List.of(barrier.await(), barrier.await(), barrier.await()))));
        assertEquals(List.of(0, 1, 2), out);
    }
}
