package dev.tinyio.internal.loop;

import java.util.List;
import java.util.Set;

/**
 * What a coroutine is told when it yields something it may not, as tinyio's "Invalid yield": what was yielded,
 * what was wrong with it and where, what may be yielded, and how to cede.
 */
final class InvalidYields {
    private static final String WHAT_MAY_BE_YIELDED = " A coroutine may yield nothing, a coroutine, or a list or set "
            + "of coroutines; to cede once, call Coro.yield() with no argument.";

    private InvalidYields() {
    }

    /** For a yield of {@code null} itself, in place of a coroutine, a list or a set. */
    static String ofNull() {
        return "Invalid yield null." + WHAT_MAY_BE_YIELDED;
    }

    /**
     * For a member of a list that is not a coroutine.
     *
     * @param list the list yielded
     * @param index where the member is
     * @param member the member, {@code null} or anything else but a coroutine
     */
    static String inList(List<?> list, int index, Object member) {
        return "Invalid yield " + list + ": index " + index + " of the list holds " + describe(member) + "."
                + WHAT_MAY_BE_YIELDED;
    }

    /**
     * For a member of a set that is not a coroutine.
     *
     * @param set the set yielded
     * @param member the member, {@code null} or anything else but a coroutine
     */
    static String inSet(Set<?> set, Object member) {
        return "Invalid yield " + set + ": the set holds " + describe(member) + "." + WHAT_MAY_BE_YIELDED;
    }

    private static String describe(Object member) {
        return member == null ? "null" : "a " + member.getClass().getName() + ", which is not a coroutine";
    }
}
