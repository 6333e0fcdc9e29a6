package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.Tinyio;
import dev.tinyio.internal.Carrier;
import dev.tinyio.internal.Unwinding;
import dev.tinyio.tests.library.LibraryRelay;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing left counted in {@code Unwinding.pending}, nor half a suspension in this thread's carrier, after any
 * ending of a run: either would send every instrumented call down the slow path, or fail the next yield.
 */
class SuspensionStateTest {
    static void assertClean(String scenario) throws Exception {
        Carrier carrier = Carrier.get();
        StringBuilder state = new StringBuilder();
        for (String name : List.of("stepping", "suspending", "countedPending", "chained", "chainHead", "chainTail",
                "request")) {
            Field f = field(name);
            state.append(name).append('=').append(f.get(carrier)).append(' ');
        }
        // The ends of the last chain stay after an unwinding, but not after the run: the thread keeps no frames.
        String expected = "stepping=false suspending=false countedPending=false chained=false chainHead=null "
                + "chainTail=null request=null ";
        int pending = Unwinding.pending;
        // Heal, so that one failing scenario does not spoil the others.
        Unwinding.pending = 0;
        for (String name : List.of("suspending", "countedPending")) {
            field(name).set(carrier, false);
        }
        assertEquals(expected + "pending=0", state + "pending=" + pending, scenario);
    }

    /** A field of the carrier: its own, or of the unwinding state it extends. */
    private static Field field(String name) throws NoSuchFieldException {
        Field f;
        try {
            f = Carrier.class.getDeclaredField(name);
        } catch (NoSuchFieldException unwinding) {
            f = Unwinding.class.getDeclaredField(name);
        }
        f.setAccessible(true);
        return f;
    }

    static int yieldingHelper() {
        Coro.yield();
        return 1;
    }

    static void run(Coro<?> coro) {
        try {
            new Loop().run(coro);
        } catch (Throwable ignored) {
            // only the state afterwards matters
        }
    }

    @Test
    void not_instrumented_errors_caught_by_the_coroutine_leave_nothing_counted(@TempDir Path jars) throws Exception {
        @SuppressWarnings("unchecked")
        ToIntFunction<IntSupplier> relay = (ToIntFunction<IntSupplier>) LibraryJar.load(LibraryRelay.class, jars)
                .getDeclaredConstructor().newInstance();
        run(Coro.ofVoid(() -> {
            try {
                new ArrayList<>(List.of(1, 2)).forEach(x -> Coro.yield());
            } catch (NotInstrumentedError caught) {
                // carries on
            }
            Coro.yield();
        }));
        assertClean("forEach twice, caught");
        run(Coro.ofVoid(() -> {
            try {
                new ArrayList<>(List.of(1)).forEach(x -> Coro.yield());
            } catch (NotInstrumentedError caught) {
                // carries on
            }
        }));
        assertClean("forEach once, caught");
        run(Coro.of(() -> {
            try {
                return relay.applyAsInt(SuspensionStateTest::yieldingHelper);
            } catch (NotInstrumentedError caught) {
                return 0;
            }
        }));
        assertClean("relay, caught");
        run(Coro.of(() -> {
            try {
                return relay.applyAsInt(() -> {
                    try {
                        return yieldingHelper();
                    } finally {
                        throw new IllegalStateException("thrown while unwinding? no: finally is skipped");
                    }
                });
            } catch (RuntimeException caught) {
                return 0;
            }
        }));
        assertClean("relay then exception");
    }

    @Test
    void nested_isolate_timeout_and_failure_leave_nothing_counted() throws Exception {
        run(Coro.ofVoid(() -> {
            new Loop().run(Coro.ofVoid(() -> {
                Coro.yield();
                throw new IllegalStateException("inner");
            }));
        }));
        assertClean("nested loop failing");
        run(Coro.ofVoid(() -> {
            Coro.yield(Tinyio.isolate(Coro.ofVoid(() -> {
                Coro.yield();
                throw new IllegalStateException("inner");
            })));
            Coro.yield(Tinyio.timeout(Tinyio.isolate(Coro.ofVoid(() -> {
                while (true) {
                    Coro.yield(Tinyio.sleep(Duration.ofMillis(1)));
                }
            })), Duration.ofMillis(20)));
            throw new IllegalStateException("outer");
        }));
        assertClean("isolate");
        Event never = new Event();
        run(Coro.ofVoid(() -> Coro.yield(Tinyio.timeout(never.await(), Duration.ofMillis(5)))));
        assertClean("timeout");
    }

    static int slackLeft;
    static boolean yielded;

    static int dive(int depth) {
        try {
            return dive(depth + 1);
        } catch (StackOverflowError e) {
            if (yielded || slackLeft-- > 0) {
                throw e;
            }
            yielded = true;
            Coro.yield();
            return depth;
        }
    }

    /** Runs a coroutine that yields at the end of its stack, {@code slack} frames short of it, and swallows the error. */
    private static void overflowWhileSaving(int slack) {
        slackLeft = slack;
        yielded = false;
        run(Coro.of(() -> {
            try {
                return dive(0);
            } catch (Throwable swallowed) {
                return -1;
            }
        }));
    }

    @Test
    void a_stack_overflow_while_saving_caught_by_the_coroutine_leaves_nothing_counted() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int slack = 0; slack < 80; slack++) {
            overflowWhileSaving(slack);
            try {
                assertClean("stack overflow, slack " + slack);
            } catch (AssertionError e) {
                failures.add(e.getMessage().replaceAll("expected: <[^>]*> but was: ", ""));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void after_a_stack_overflow_while_saving_the_next_run_on_the_thread_works() {
        for (int slack = 0; slack < 80; slack++) {
            overflowWhileSaving(slack);
            int s = slack;
            assertEquals(2, new Loop().run(Coro.of(() -> {
                Coro.yield();
                return 2;
            })), () -> "slack " + s);
            assertEquals(0, Unwinding.pending, "slack " + slack);
        }
    }
}
