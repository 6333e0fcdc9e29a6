package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Yielding something that is not a coroutine, {@code null} included: tinyio's "Invalid yield" {@link CancelledError},
 * thrown into the yielder, saying what was yielded, what is wrong with it, what may be yielded, and how to cede.
 */
class InvalidYieldTest {
    static final String WHAT_MAY_BE_YIELDED = " A coroutine may yield nothing, a coroutine, or a list or set of "
            + "coroutines; to cede once, call Coro.yield() with no argument.";

    private final List<String> log = new ArrayList<>();

    /** The message of the {@link CancelledError} a run of the coroutine throws. */
    private static String messageOf(Coro<?> coro) {
        return assertThrows(CancelledError.class, () -> new Loop().run(coro)).getMessage();
    }

    @Test
    void yielding_null_in_place_of_a_coroutine_is_an_invalid_yield() {
        assertEquals("Invalid yield null." + WHAT_MAY_BE_YIELDED,
                messageOf(Coro.of(() -> Coro.yield((Coro<Object>) null))));
    }

    @Test
    void yielding_a_null_list_or_set_is_an_invalid_yield() {
        assertEquals("Invalid yield null." + WHAT_MAY_BE_YIELDED,
                messageOf(Coro.of(() -> Coro.yield((List<Coro<Object>>) null))));
        assertEquals("Invalid yield null." + WHAT_MAY_BE_YIELDED,
                messageOf(Coro.ofVoid(() -> Coro.yield((Set<Coro<?>>) null))));
    }

    @Test
    void a_list_holding_null_is_an_invalid_yield_naming_the_index() {
        List<Coro<Object>> list = Arrays.asList(Coro.of(() -> 1), Coro.of(() -> 2), null);
        assertEquals("Invalid yield " + list + ": index 2 of the list holds null." + WHAT_MAY_BE_YIELDED,
                messageOf(Coro.of(() -> Coro.yield(list))));
    }

    @Test
    void a_list_holding_something_else_is_an_invalid_yield_naming_the_index_and_the_type() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Coro<Object>> list = (List) List.of(Coro.of(() -> 1), "not a coroutine");
        assertEquals("Invalid yield " + list + ": index 1 of the list holds a java.lang.String, which is not a "
                + "coroutine." + WHAT_MAY_BE_YIELDED, messageOf(Coro.of(() -> Coro.yield(list))));
    }

    @Test
    void a_set_holding_null_is_an_invalid_yield() {
        Set<Coro<?>> set = new LinkedHashSet<>();
        set.add(Coro.of(() -> 1));
        set.add(null);
        assertEquals("Invalid yield " + set + ": the set holds null." + WHAT_MAY_BE_YIELDED,
                messageOf(Coro.ofVoid(() -> Coro.yield(set))));
    }

    @Test
    void a_set_holding_something_else_is_an_invalid_yield_naming_the_type() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<Coro<?>> set = (Set) Set.of(42);
        assertEquals("Invalid yield [42]: the set holds a java.lang.Integer, which is not a coroutine."
                + WHAT_MAY_BE_YIELDED, messageOf(Coro.ofVoid(() -> Coro.yield(set))));
    }

    @Test
    void the_yielder_cleans_up_and_nothing_it_yielded_runs() {
        Coro<Object> first = Coro.of(() -> {
            log.add("first ran");
            return 1;
        });
        List<Coro<Object>> list = Arrays.asList(first, null);
        messageOf(Coro.of(() -> {
            try {
                return Coro.yield(list);
            } finally {
                log.add("yielder cleaned up");
            }
        }));
        assertEquals(List.of("yielder cleaned up"), log);
    }

    /** As in tinyio, the members before the invalid one are started, so that they are cancelled with the rest. */
    @Test
    void in_always_mode_the_members_before_an_invalid_one_are_cancelled_with_the_rest() {
        Coro<Object> before = Coro.of(() -> {
            log.add("ran");
            return 1;
        });
        List<Coro<Object>> list = Arrays.asList(before, null);
        ExceptionGroup group = assertThrows(ExceptionGroup.class,
                () -> new Loop().run(Coro.of(() -> Coro.yield(list)), GroupMode.ALWAYS));
        assertEquals(2, group.exceptions().size(), group.exceptions().toString());
        assertTrue(group.exceptions().get(0).getMessage().startsWith("Invalid yield"));
        assertInstanceOf(CancelledError.class, group.exceptions().get(1));
        Set<Object> set = new LinkedHashSet<>(List.of(Coro.of(() -> 2), "not a coroutine"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<Coro<?>> mixed = (Set) set;
        group = assertThrows(ExceptionGroup.class,
                () -> new Loop().run(Coro.ofVoid(() -> Coro.yield(mixed)), GroupMode.ALWAYS));
        assertEquals(2, group.exceptions().size(), group.exceptions().toString());
        assertEquals(List.of(), log);
        assertTrue(before.isDone());
    }
}
