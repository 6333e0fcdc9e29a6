package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.tests.library.LibraryLength;
import dev.tinyio.tests.library.LibraryMemo;
import dev.tinyio.tests.library.LibraryRelay;
import dev.tinyio.tests.library.LibraryRetry;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Proxy;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suspension where it cannot work is a loud error that names the frame it could not pass and the one fix that
 * applies, never corruption. These tests run under the agent, which analyses the tests' class folders as one
 * program: what cannot suspend here is the JDK's code, constructors, monitors, reflection, hidden classes, and
 * library code in a jar of its own.
 */
class NotInstrumentedTest {
    @TempDir
    Path jars;

    @Test
    void yield_outside_a_running_loop_is_an_illegal_state() {
        IllegalStateException error = assertThrows(IllegalStateException.class, Coro::yield);
        assertTrue(error.getMessage().contains("outside a running Loop"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> Coro.yield(Coro.of(() -> 1)));
    }

    @Test
    void yield_reached_through_reflection_names_method_invoke_and_says_to_call_it_directly() {
        InvocationTargetException wrapped = assertThrows(InvocationTargetException.class,
                () -> new Loop().run(Coro.ofVoid(() -> Coro.class.getMethod("yield").invoke(null))));
        NotInstrumentedError error = assertInstanceOf(NotInstrumentedError.class, wrapped.getCause());
        assertTrue(error.getMessage().startsWith("Coro.yield() was called from java.lang.reflect.Method.invoke, "
                + "called at " + NotInstrumentedTest.class.getName() + ".lambda$"), error.getMessage());
        assertTrue(error.getMessage().endsWith("which cannot suspend: it calls your code through reflection or a "
                + "method handle, which cannot be instrumented. Call the method directly."), error.getMessage());
    }

    @Test
    void a_jdk_callback_that_calls_back_after_a_suspension_is_named_from_the_stack() {
        List<Integer> items = new ArrayList<>(List.of(1, 2, 3));
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(() -> items.forEach(x -> Coro.yield()))));
        assertJdkCallback(error, ".forEach, called at " + NotInstrumentedTest.class.getName() + ".lambda$");
    }

    @Test
    void a_jdk_callback_that_suspends_once_and_returns_is_named_at_its_call() {
        List<Integer> items = new ArrayList<>(List.of(1));
        int[] after = {0};
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(() -> {
                    items.forEach(x -> Coro.yield());
                    after[0]++;
                })));
        assertJdkCallback(error, "java.util.List.forEach, called at " + NotInstrumentedTest.class.getName());
        assertEquals(0, after[0], "the body carried on after a broken suspension");
    }

    @Test
    void a_stream_whose_stages_suspend_is_named() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> List.of(1, 2).stream().map(x -> step(x)).toList())));
        assertJdkCallback(error, "java.util.stream.");
    }

    @Test
    void a_sort_whose_comparator_suspends_is_named() {
        List<Integer> items = new ArrayList<>(List.of(3, 1, 2));
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(() -> items.sort((a, b) -> step(a) - step(b)))));
        assertJdkCallback(error, ".sort, called at " + NotInstrumentedTest.class.getName());
    }

    @Test
    void a_jdk_combinator_around_a_lambda_that_suspends_is_named_never_a_wrong_result() {
        Predicate<Integer> isEven = x -> step(x) % 2 == 0;
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> isEven.negate().test(3))));
        assertJdkCallback(error, "passed through a lambda made by java.util.function.Predicate, called at "
                + NotInstrumentedTest.class.getName() + ".lambda$");
    }

    @Test
    void a_body_that_calls_a_jdk_method_calling_back_into_code_that_suspends_is_named() {
        Object named = new Object() {
            @Override
            public String toString() {
                return "n" + step(1);
            }
        };
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> String.valueOf(named))));
        assertJdkCallback(error, "passed through java.lang.String.valueOf, called at "
                + NotInstrumentedTest.class.getName() + ".lambda$");
    }

    private static void assertJdkCallback(NotInstrumentedError error, String frame) {
        assertTrue(error.getMessage().contains("and the suspension passed through "), error.getMessage());
        assertTrue(error.getMessage().contains(frame), error.getMessage());
        assertTrue(error.getMessage().endsWith("which cannot suspend: it is a JDK method calling back into your "
                + "code, and the JDK is never instrumented. A JDK callback (forEach, a stream, a comparator, a "
                + "listener) cannot suspend: use a plain loop, and call your code directly."), error.getMessage());
    }

    static int step(int x) {
        Coro.yield();
        return x;
    }

    @Test
    void a_constructor_calling_a_helper_that_suspends_is_named() {
        NotInstrumentedError twice = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> new Gadget(2).parts)));
        assertConstructor(twice, Gadget.class.getName() + ".<init>(NotInstrumentedTest.java:");
        NotInstrumentedError once = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> new Gadget(1).parts)));
        assertConstructor(once, Gadget.class.getName() + ".<init>(NotInstrumentedTest.java:");
    }

    @Test
    void a_constructor_that_yields_itself_is_named() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(YieldsInConstructor::new)));
        assertTrue(error.getMessage().startsWith("Coro.yield() was called from "
                + YieldsInConstructor.class.getName() + ".<init>("), error.getMessage());
        assertTrue(error.getMessage().endsWith("Move the suspension out of the constructor: suspend before it and "
                + "pass the result in, or use a static factory method."), error.getMessage());
    }

    private static void assertConstructor(NotInstrumentedError error, String frame) {
        assertTrue(error.getMessage().contains("passed through " + frame), error.getMessage());
        assertTrue(error.getMessage().endsWith("which cannot suspend: tinyio never instruments constructors, as "
                + "suspending there would leave an object half-built. Move the suspension out of the constructor: "
                + "suspend before it and pass the result in, or use a static factory method."), error.getMessage());
    }

    static final class Gadget {
        final int parts;

        Gadget(int steps) {
            int sum = 0;
            for (int i = 0; i < steps; i++) {
                sum += step(1);
            }
            this.parts = sum;
        }
    }

    static final class YieldsInConstructor {
        YieldsInConstructor() {
            Coro.yield();
        }
    }

    @Test
    void a_synchronized_method_cannot_suspend() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(this::lockedYield)));
        assertTrue(error.getMessage().contains("lockedYield"), error.getMessage());
        assertTrue(error.getMessage().contains("synchronized"), error.getMessage());
        assertTrue(error.getMessage().contains("dev.tinyio.Lock"), error.getMessage());
    }

    private synchronized void lockedYield() {
        Coro.yield();
    }

    @Test
    void a_synchronized_method_is_named_with_the_lock_to_use_instead() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.ofVoid(this::lockedYieldAgain)));
        assertEquals("Coro.yield() was called from " + lockedYieldAt + ", which cannot suspend: it is synchronized, "
                + "and suspending would return from it still holding its monitor while the thread runs other "
                + "coroutines. Use dev.tinyio.Lock instead of synchronized, or move the suspension out of it.",
                error.getMessage());
    }

    /** Where {@link #lockedYieldAgain} yields, as the error names it. */
    private String lockedYieldAt;

    private synchronized void lockedYieldAgain() {
        lockedYieldAt = Where.nextLine();
        Coro.yield();
    }

    @Test
    void a_static_initialiser_calling_a_helper_that_suspends_is_named_and_never_initialised_with_a_dummy() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> LimitFromStep.LIMIT)));
        assertTrue(error.getMessage().contains("passed through " + LimitFromStep.class.getName()
                + ".<clinit>(NotInstrumentedTest.java:"), error.getMessage());
        assertTrue(error.getMessage().endsWith("which cannot suspend: tinyio never instruments static initialisers, "
                + "as suspending there would leave a class half-initialised. Move the suspension out of the static "
                + "initialiser."), error.getMessage());
        assertThrows(NoClassDefFoundError.class, () -> new Loop().run(Coro.of(() -> LimitFromStep.LIMIT)),
                "the class failed to initialise rather than keep the dummy result");
    }

    static final class LimitFromStep {
        static final int LIMIT = step(7);
    }

    @Test
    void a_static_initialiser_cannot_suspend() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> YieldsInStaticInitialiser.VALUE)));
        assertTrue(error.getMessage().contains("static initialisers"), error.getMessage());
        assertTrue(error.getMessage().endsWith("Move the suspension out of the static initialiser."),
                error.getMessage());
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

    @Test
    void a_hidden_class_that_yields_is_named() throws Exception {
        Coro.Body<?> hidden = hidden(HiddenYielder.class);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class, () -> new Loop().run(Coro.of(hidden)));
        assertTrue(error.getMessage().startsWith("Coro.yield() was called from " + HiddenYielder.class.getName()
                + "/0x"), error.getMessage());
        assertTrue(error.getMessage().contains("it is a hidden class"), error.getMessage());
        assertEquals(1, new Loop().run(Coro.of(new HiddenYielder())));
    }

    /** The body's own frame is missing from the chain: resuming would return the helper's value as the body's. */
    @Test
    void a_body_that_carried_on_past_a_suspension_is_an_error_never_a_wrong_result() throws Exception {
        Coro.Body<?> hidden = hidden(HiddenStepper.class);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class, () -> new Loop().run(Coro.of(hidden)));
        assertTrue(error.getMessage().startsWith("A coroutine suspended in " + Steps.class.getName()
                + ".step(Steps.java:"), error.getMessage());
        assertTrue(error.getMessage().contains("passed through " + HiddenStepper.class.getName() + "/0x"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("which cannot suspend: it is a hidden class, defined at run time, "
                + "which neither the agent nor a build can instrument. Make it an ordinary class, or keep the "
                + "suspension out of it."), error.getMessage());
        assertEquals(42, new Loop().run(Coro.of(new HiddenStepper())));
    }

    private static Coro.Body<?> hidden(Class<?> type) throws Exception {
        byte[] bytes;
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        Class<?> hidden = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
        return (Coro.Body<?>) hidden.getDeclaredConstructor().newInstance();
    }

    @Test
    void a_library_calling_back_after_a_suspension_is_named_with_the_agent_fix() {
        @SuppressWarnings("unchecked")
        ToIntFunction<IntSupplier> retry = (ToIntFunction<IntSupplier>) newInstance(LibraryRetry.class);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> retry.applyAsInt(() -> step(1)))));
        assertTrue(error.getMessage().contains("passed through " + LibraryRetry.class.getName()
                + ".applyAsInt(LibraryRetry.java:"), error.getMessage());
        assertTrue(error.getMessage().contains("which cannot suspend: the tinyio agent is running (options "
                + "'failfast"), error.getMessage());
        assertTrue(error.getMessage().endsWith("If it is your code, name it in the agent's include= option "
                + "(include=dev.tinyio.tests.library.*); if it is a library's, mark "
                + LibraryRetry.class.getName() + ".applyAsInt @dev.tinyio.Suspendable in that library and build it "
                + "with tinyio-maven-plugin."), error.getMessage());
    }

    @Test
    void a_library_that_calls_back_once_and_returns_is_named_by_the_object_the_call_reached() {
        @SuppressWarnings("unchecked")
        ToIntFunction<IntSupplier> relay = (ToIntFunction<IntSupplier>) newInstance(LibraryRelay.class);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> relay.applyAsInt(() -> step(1)))));
        assertTrue(error.getMessage().contains("passed through " + LibraryRelay.class.getName() + ".applyAsInt, "
                + "called at " + NotInstrumentedTest.class.getName()), error.getMessage());
        assertTrue(error.getMessage().endsWith("If it is your code, name it in the agent's include= option "
                + "(include=dev.tinyio.tests.library.*); if it is a library's, mark "
                + LibraryRelay.class.getName() + ".applyAsInt @dev.tinyio.Suspendable in that library and build it "
                + "with tinyio-maven-plugin."), error.getMessage());
    }

    @Test
    void a_library_between_a_lone_suspended_frame_and_its_caller_is_named_after_a_longer_suspension() {
        @SuppressWarnings("unchecked")
        ToIntFunction<IntSupplier> relay = (ToIntFunction<IntSupplier>) newInstance(LibraryRelay.class);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class, () -> new Loop().run(Coro.of(() -> {
            // Suspends three frames deep first, then through the library with only the callback's frame saved.
            int before = twice(1);
            return before + relay.applyAsInt(new Pause());
        })));
        assertTrue(error.getMessage().contains("passed through " + LibraryRelay.class.getName() + ".applyAsInt, "
                + "called at " + NotInstrumentedTest.class.getName()), error.getMessage());
    }

    static int twice(int x) {
        return 2 * step(x);
    }

    /** A callback whose own method suspends: the frame it saves is the only one below the library. */
    static final class Pause implements IntSupplier {
        @Override
        public int getAsInt() {
            Coro.yield();
            return 1;
        }
    }

    @Test
    void a_library_decorator_that_carries_on_is_named_never_a_wrong_result() {
        Object memo = newInstance(LibraryMemo.class);
        @SuppressWarnings("unchecked")
        Consumer<Supplier<Object>> wrap = (Consumer<Supplier<Object>>) memo;
        wrap.accept(() -> word());
        @SuppressWarnings("unchecked")
        Supplier<Object> cached = (Supplier<Object>) memo;
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> "cached " + cached.get())));
        assertTrue(error.getMessage().contains("passed through " + LibraryMemo.class.getName() + ".get, called at "
                + NotInstrumentedTest.class.getName() + ".lambda$"), error.getMessage());
        assertTrue(error.getMessage().contains("the tinyio agent is running"), error.getMessage());
    }

    @Test
    void a_reflective_proxy_in_front_of_a_method_that_suspends_is_named() {
        IntSupplier target = () -> step(5);
        IntSupplier proxy = (IntSupplier) Proxy.newProxyInstance(IntSupplier.class.getClassLoader(),
                new Class<?>[] {IntSupplier.class}, (self, method, arguments) -> 1000 + (int) method.invoke(target));
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(proxy::getAsInt)));
        assertTrue(error.getMessage().contains("passed through a java.lang.reflect.Proxy ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("which cannot suspend: it calls your code through reflection or a "
                + "method handle, which cannot be instrumented. Call the method directly."), error.getMessage());
    }

    @Test
    void a_library_that_throws_on_the_dummy_result_is_named_with_its_exception_as_cause() {
        @SuppressWarnings("unchecked")
        ToIntFunction<Supplier<String>> length = (ToIntFunction<Supplier<String>>) newInstance(LibraryLength.class);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> length.applyAsInt(() -> word()))));
        assertInstanceOf(NullPointerException.class, error.getCause());
        assertTrue(error.getMessage().contains("passed through " + LibraryLength.class.getName()
                + ".applyAsInt(LibraryLength.java:"), error.getMessage());
        assertTrue(error.getMessage().contains("which carried on with the dummy result of the call that suspended "
                + "(null, zero or false) and threw java.lang.NullPointerException"), error.getMessage());
    }

    static String word() {
        Coro.yield();
        return "word";
    }

    private Object newInstance(Class<?> library) {
        try {
            return LibraryJar.load(library, jars).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
