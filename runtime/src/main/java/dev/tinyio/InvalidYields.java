package dev.tinyio;

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
     * For a list holding something other than a coroutine.
     *
     * @return the message about its first such member, or {@code null} if it holds only coroutines
     */
    static String inList(List<?> list) {
        int index = 0;
        for (Object member : list) {
            if (!(member instanceof Coro)) {
                return "Invalid yield " + list + ": index " + index + " of the list holds " + describe(member) + "."
                        + WHAT_MAY_BE_YIELDED;
            }
            index++;
        }
        return null;
    }

    /**
     * For a set holding something other than a coroutine.
     *
     * @return the message about its first such member, or {@code null} if it holds only coroutines
     */
    static String inSet(Set<?> set) {
        for (Object member : set) {
            if (!(member instanceof Coro)) {
                return "Invalid yield " + set + ": the set holds " + describe(member) + "." + WHAT_MAY_BE_YIELDED;
            }
        }
        return null;
    }

    private static String describe(Object member) {
        return member == null ? "null" : "a " + member.getClass().getName() + ", which is not a coroutine";
    }
}
