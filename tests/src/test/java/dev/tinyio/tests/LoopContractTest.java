package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What {@code Loop.run} promises about its input and its own state (docs/semantics.md, "What a coroutine yields"). */
class LoopContractTest {
    @Test
    void run_of_null_throws_and_leaves_the_loop_usable() {
        Loop loop = new Loop();
        assertThrows(NullPointerException.class, () -> loop.run(null));
        assertEquals(3, loop.run(Coro.of(() -> 3)));
    }

    @Test
    void run_while_running_is_refused() {
        Loop loop = new Loop();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> loop.run(Coro.of(() -> loop.run(Coro.of(() -> 1)))));
        assertEquals("Cannot call Loop.run whilst the loop is currently running. To wait for a coroutine from inside "
                + "the loop, yield it: Coro.yield(coro).", error.getMessage());
        assertEquals(2, loop.run(Coro.of(() -> 2)));
    }

    @Test
    void a_finished_coroutine_of_this_loop_returns_its_result_without_running_again() {
        int[] runs = {0};
        Coro<Integer> once = Coro.of(() -> ++runs[0]);
        Loop loop = new Loop();
        assertEquals(1, loop.run(once));
        assertEquals(1, loop.run(once));
        assertEquals(1, runs[0]);
    }

    @Test
    void running_a_coroutine_started_by_another_loop_is_refused() {
        Coro<Integer> foo = Coro.of(() -> 1);
        new Loop().run(foo);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Loop().run(foo));
        assertTrue(error.getMessage().contains("has already started"), error.getMessage());
    }

    @Test
    void yielding_a_coroutine_started_by_another_loop_cancels_the_yielder() {
        Coro<Integer> foo = Coro.of(() -> 1);
        new Loop().run(foo);
        boolean[] cleanedUp = {false};
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.of(() -> {
            try {
                return Coro.yield(foo);
            } finally {
                cleanedUp[0] = true;
            }
        })));
        assertTrue(error.getMessage().contains("has already started"), error.getMessage());
        assertTrue(cleanedUp[0]);
    }

    @Test
    void a_null_anywhere_in_a_yield_is_an_invalid_yield() {
        List<Coro.Body<Object>> bodies = List.of(
                () -> Coro.yield((Coro<Object>) null),
                () -> Coro.yield(Arrays.asList(Coro.of(() -> 1), null)),
                () -> {
                    Set<Coro<?>> withNull = new HashSet<>();
                    withNull.add(null);
                    Coro.yield(withNull);
                    return null;
                });
        for (Coro.Body<Object> body : bodies) {
            CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(Coro.of(body)));
            assertTrue(error.getMessage().startsWith("Invalid yield"), error.getMessage());
        }
    }

    @Test
    void a_loop_does_not_keep_finished_coroutines_alive() throws InterruptedException {
        Loop loop = new Loop();
        ReferenceQueue<Coro<Integer>> cleared = new ReferenceQueue<>();
        WeakReference<Coro<Integer>> ref = runAndForget(loop, cleared);
        assertTrue(Collected.all(cleared, 1), "the loop kept a finished coroutine alive");
        assertNull(ref.get(), "the loop kept a finished coroutine alive");
        assertEquals(2, loop.run(Coro.of(() -> 2)));
    }

    private static WeakReference<Coro<Integer>> runAndForget(Loop loop, ReferenceQueue<Coro<Integer>> cleared) {
        Coro<Integer> foo = Coro.of(() -> {
            Coro.yield();
            return 1;
        });
        assertEquals(1, loop.run(Coro.of(() -> Coro.yield(foo))));
        return new WeakReference<>(foo, cleared);
    }

    @Test
    void a_result_handed_to_a_coroutine_is_not_kept_by_the_loop_while_the_coroutine_goes_on() {
        ReferenceQueue<byte[]> cleared = new ReferenceQueue<>();
        boolean collected = new Loop().run(Coro.of(() -> {
            WeakReference<byte[]> payload = receive(cleared);
            // Bare yields from here on, which hand over no value that would take the payload's place.
            Coro.yield();
            Coro.yield();
            return Collected.all(cleared, 1) && payload.get() == null;
        }));
        assertTrue(collected, "the loop kept the result it handed to a coroutine alive after the coroutine dropped it");
    }

    /** Waits for a coroutine whose result is a large buffer, and keeps only a weak reference to it. */
    private static WeakReference<byte[]> receive(ReferenceQueue<byte[]> cleared) {
        byte[] payload = Coro.yield(Coro.of(() -> new byte[1 << 20]));
        return new WeakReference<>(payload, cleared);
    }

    @Test
    void a_loop_run_inside_a_coroutine_is_a_nested_blocking_loop() {
        Script script = new Script();
        Coro<Void> sibling = Coro.ofVoid(() -> {
            Coro.yield();
            script.expect(5);
        });
        new Loop().run(Coro.ofVoid(() -> {
            script.expect(1);
            Coro.yield(Set.of(sibling));
            int inner = new Loop().run(Coro.of(() -> {
                script.expect(2);
                Coro.yield();
                script.expect(3);
                return Coro.yield(Coro.of(() -> 4));
            }));
            script.expect(inner);
            Coro.yield();
            script.expect(6);
            Coro.yield(sibling);
            script.finish(7);
        }));
        script.assertFinished(7);
    }

    @Test
    void loops_on_several_threads_at_once_do_not_interfere() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(threads.submit(() -> new Loop().run(Coro.of(() -> {
                    List<Coro<Long>> workers = new ArrayList<>();
                    for (int w = 0; w < 10; w++) {
                        workers.add(counter(seed, 2_000));
                    }
                    long total = 0;
                    for (long part : Coro.yield(workers)) {
                        total += part;
                    }
                    return total;
                }))));
            }
            for (int t = 0; t < 4; t++) {
                assertEquals(10 * (2_000L * 1_999 / 2 + 2_000L * t), results.get(t).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Coro<Long> counter(int seed, int steps) {
        return Coro.of(() -> {
            long sum = 0;
            for (int i = 0; i < steps; i++) {
                sum += deepYield(i, 3) + seed;
            }
            return sum;
        });
    }

    private static int deepYield(int value, int depth) {
        if (depth == 0) {
            Coro.yield();
            return value;
        }
        return deepYield(value, depth - 1);
    }

    /** The runtime tells its own steppers from users' bodies by type: a body may not pose as one. */
    @Test
    void a_body_implementing_the_internal_stepper_is_refused() {
        final class Impostor implements Coro.Body<Integer>, dev.tinyio.internal.vocabulary.Stepper {
            @Override
            public Integer run() {
                return 1;
            }

            @Override
            public dev.tinyio.internal.vocabulary.Step.Outcome step(Object value, Throwable thrown,
                    dev.tinyio.internal.vocabulary.Step out) {
                return out.returned(2);
            }

            @Override
            public StackTraceElement[] suspendedTrace() {
                return new StackTraceElement[0];
            }
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Coro.of(new Impostor()));
        assertEquals("A coroutine's body must not implement the runtime's internal dev.tinyio.internal.vocabulary.Stepper: "
                + Impostor.class.getName(), refused.getMessage());
    }
}
