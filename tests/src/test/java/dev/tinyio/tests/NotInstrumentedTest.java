package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suspension where it cannot work is a loud, named error, never corruption. */
class NotInstrumentedTest {
    @Test
    void yield_outside_a_running_loop_is_an_illegal_state() {
        IllegalStateException error = assertThrows(IllegalStateException.class, Coro::yield);
        assertTrue(error.getMessage().contains("outside a running Loop"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> Coro.yield(Coro.of(() -> 1)));
    }

    @Test
    void yield_reached_through_reflection_names_the_caller_and_why_the_running_agent_left_it_alone() {
        InvocationTargetException wrapped = assertThrows(InvocationTargetException.class,
                () -> new Loop().run(Coro.ofVoid(() -> Coro.class.getMethod("yield").invoke(null))));
        NotInstrumentedError error = assertInstanceOf(NotInstrumentedError.class, wrapped.getCause());
        assertTrue(error.getMessage().contains("Coro.yield() was called from java.base/java.lang.reflect.Method.invoke"),
                error.getMessage());
        // These tests run under the agent, with failfast: the message says so instead of asking for the agent.
        assertTrue(error.getMessage().contains("The tinyio agent is running (options 'failfast"), error.getMessage());
        assertTrue(error.getMessage().contains("include= and exclude="), error.getMessage());
        assertTrue(error.getMessage().contains("tinyio-maven-plugin"), error.getMessage());
    }

    @Test
    void a_jdk_callback_that_would_suspend_twice_is_named() {
        List<Integer> items = new ArrayList<>(List.of(1, 2, 3));
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(() -> items.forEach(x -> Coro.yield()))));
        assertTrue(error.getMessage().contains("java.util.ArrayList.forEach"), error.getMessage());
    }

    @Test
    void a_jdk_callback_that_suspends_once_and_returns_is_named() {
        List<Integer> items = new ArrayList<>(List.of(1));
        int[] after = {0};
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(() -> {
                    items.forEach(x -> Coro.yield());
                    after[0]++;
                })));
        assertTrue(error.getMessage().contains("java.util.List.forEach, called at "
                + NotInstrumentedTest.class.getName()), error.getMessage());
        assertEquals(0, after[0], "the body carried on after a broken suspension");
    }

    @Test
    void an_uninstrumented_frame_between_two_instrumented_ones_is_named() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> Relay.relay(NotInstrumentedTest::yieldingHelper))));
        assertTrue(error.getMessage().contains(Relay.class.getName() + ".relay"), error.getMessage());
    }

    static int yieldingHelper() {
        Coro.yield();
        return 1;
    }

    @Test
    void a_synchronized_method_cannot_suspend() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(this::lockedYield)));
        assertTrue(error.getMessage().contains("lockedYield"), error.getMessage());
        assertTrue(error.getMessage().contains("synchronized"), error.getMessage());
    }

    private synchronized void lockedYield() {
        Coro.yield();
    }

    @Test
    void a_constructor_cannot_suspend() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(YieldsInConstructor::new)));
        assertTrue(error.getMessage().contains("<init>"), error.getMessage());
    }

    @Test
    void a_hidden_class_cannot_suspend_and_is_named() throws Exception {
        byte[] bytes;
        try (var in = HiddenYielder.class.getResourceAsStream("HiddenYielder.class")) {
            bytes = in.readAllBytes();
        }
        Class<?> hidden = java.lang.invoke.MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
        @SuppressWarnings("unchecked")
        Coro.Body<Integer> body = (Coro.Body<Integer>) hidden.getDeclaredConstructor().newInstance();
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class, () -> new Loop().run(Coro.of(body)));
        assertTrue(error.getMessage().contains(HiddenYielder.class.getName() + "/0x"), error.getMessage());
        assertEquals(1, new Loop().run(Coro.of(new HiddenYielder())));
    }

    @Test
    void a_static_initialiser_cannot_suspend() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> YieldsInStaticInitialiser.VALUE)));
        assertTrue(error.getMessage().contains("static initialisers"), error.getMessage());
    }

    static final class YieldsInStaticInitialiser {
        static final int VALUE = compute();

        private static int compute() {
            return 1;
        }

        static {
            Coro.yield();
        }
    }

    static final class YieldsInConstructor {
        YieldsInConstructor() {
            Coro.yield();
        }

        void suspendSoTheClassIsInstrumented() {
            Coro.yield();
        }
    }

    /**
     * A class that never names the library is skipped by the instrumenter even when it calls code that suspends:
     * it carries on with a dummy result, and what it throws then comes out as a named error, not a bare
     * NullPointerException; marking the calling method {@code @Suspendable} fixes it.
     */
    @Test
    void code_carrying_on_with_a_dummy_result_and_throwing_is_named_and_the_fix_works() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> unaware.Shouter.shout("q"))));
        assertInstanceOf(NullPointerException.class, error.getCause());
        assertTrue(error.getMessage().contains("carried on with the dummy result"), error.getMessage());
        assertTrue(error.getMessage().contains("@dev.tinyio.Suspendable"), error.getMessage());
        assertEquals("QQ", new Loop().run(Coro.of(() -> unaware.AwareShouter.shout("q"))));
    }
}
