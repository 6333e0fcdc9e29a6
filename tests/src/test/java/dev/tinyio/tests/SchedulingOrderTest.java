package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact order of docs/semantics.md, "Scheduling order", as scripts. */
class SchedulingOrderTest {
    private final Script script = new Script();

    @Test
    void bare_yields_interleave_first_in_first_out() {
        Coro<Void> a = Coro.ofVoid(() -> {
            script.expect(2);
            Coro.yield();
            script.expect(4);
            Coro.yield();
            script.expect(6);
        });
        Coro<Void> b = Coro.ofVoid(() -> {
            script.expect(3);
            Coro.yield();
            script.expect(5);
            Coro.yield();
            script.expect(7);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(List.of(a, b));
            script.finish(8);
        }));
        script.assertFinished(8);
    }

    @Test
    void bare_yields_stay_first_in_first_out_through_bursts_and_an_emptied_queue() {
        // Bursts wider than the queue keeps once empty, between stretches where one coroutine yields alone.
        List<String> steps = new ArrayList<>();
        int wide = 5_000;
        new Loop().run(Coro.ofVoid(() -> {
            for (int burst = 0; burst < 2; burst++) {
                List<Coro<Void>> members = new ArrayList<>();
                for (int i = 0; i < wide; i++) {
                    int index = i;
                    members.add(Coro.ofVoid(() -> {
                        steps.add("first " + index);
                        Coro.yield();
                        steps.add("second " + index);
                    }));
                }
                Coro.yield(members);
                for (int alone = 0; alone < 3; alone++) {
                    steps.add("alone " + alone);
                    Coro.yield();
                }
            }
        }));
        List<String> expected = new ArrayList<>();
        for (int burst = 0; burst < 2; burst++) {
            for (int i = 0; i < wide; i++) {
                expected.add("first " + i);
            }
            for (int i = 0; i < wide; i++) {
                expected.add("second " + i);
            }
            for (int alone = 0; alone < 3; alone++) {
                expected.add("alone " + alone);
            }
        }
        assertEquals(expected, steps);
    }

    @Test
    void coroutines_taking_turns_keep_their_order_for_as_long_as_a_run_lasts() {
        // Long enough that the queue's storage is replaced many times, at every place in its cycle, while full of
        // coroutines in turn: five in a ring of sixteen, and twenty-one in one grown to thirty-two.
        for (int coroutines : new int[] {5, 21}) {
            int turns = 3_000;
            List<Integer> steps = new ArrayList<>();
            List<Coro<Void>> members = new ArrayList<>();
            for (int i = 0; i < coroutines; i++) {
                int index = i;
                members.add(Coro.ofVoid(() -> {
                    for (int turn = 0; turn < turns; turn++) {
                        steps.add(index);
                        Coro.yield();
                    }
                }));
            }
            new Loop().run(Coro.ofVoid(() -> Coro.yield(members)));
            List<Integer> expected = new ArrayList<>();
            for (int turn = 0; turn < turns; turn++) {
                for (int i = 0; i < coroutines; i++) {
                    expected.add(i);
                }
            }
            assertEquals(expected, steps, coroutines + " coroutines");
        }
    }

    @Test
    void a_set_queues_its_new_members_in_iteration_order_then_the_yielder() {
        Coro<Void> x = Coro.ofVoid(() -> script.expect(2));
        Coro<Void> y = Coro.ofVoid(() -> script.expect(3));
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(new LinkedHashSet<>(List.of(x, y)));
            script.expect(4);
            Coro.yield(List.of(x, y));
            script.finish(5);
        }));
        script.assertFinished(5);
    }

    @Test
    void waiters_wake_in_registration_order_after_what_is_already_queued() {
        Coro<Integer> shared = Coro.of(() -> {
            script.expect(4);
            return 7;
        });
        Coro<Void> first = Coro.ofVoid(() -> {
            script.expect(2);
            assertEquals(7, Coro.yield(shared));
            script.expect(6);
        });
        Coro<Void> second = Coro.ofVoid(() -> {
            script.expect(3);
            assertEquals(7, Coro.yield(shared));
            script.expect(7);
        });
        Coro<Void> bystander = Coro.ofVoid(() -> {
            Coro.yield();
            script.expect(5);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(List.of(first, second, bystander));
            script.finish(8);
        }));
        script.assertFinished(8);
    }

    @Test
    void a_gather_resumes_once_with_results_in_list_order_not_completion_order() {
        Coro<String> slow = Coro.of(() -> {
            script.expect(2);
            Coro.yield();
            script.expect(4);
            return "slow";
        });
        Coro<String> fast = Coro.of(() -> {
            script.expect(3);
            return "fast";
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            assertEquals(List.of("slow", "fast"), Coro.yield(List.of(slow, fast)));
            script.finish(5);
        }));
        script.assertFinished(5);
    }

    @Test
    void an_empty_list_cedes_like_a_bare_yield() {
        Coro<Void> other = Coro.ofVoid(() -> {
            Coro.yield();
            script.expect(3);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(java.util.Set.of(other));
            script.expect(2);
            assertEquals(List.of(), Coro.yield(List.<Coro<Void>>of()));
            script.finish(4);
        }));
        script.assertFinished(4);
    }

    @Test
    void yielding_a_finished_coroutine_resumes_after_what_is_already_queued() {
        Coro<Integer> done = Coro.of(() -> 1);
        Coro<Void> other = Coro.ofVoid(() -> {
            Coro.yield();
            script.expect(4);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(done);
            script.expect(2);
            Coro.yield(java.util.Set.of(other));
            script.expect(3);
            Coro.yield(done);
            script.finish(5);
        }));
        script.assertFinished(5);
    }
}
