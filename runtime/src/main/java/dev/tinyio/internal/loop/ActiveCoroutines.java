package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.ArrayList;
import java.util.List;

/**
 * The unfinished coroutines a run knows, in the order it first saw them (the known coroutines of docs/semantics.md),
 * as a list threaded through the coroutines themselves, so adding and removing cost nothing to allocate.
 */
final class ActiveCoroutines {
    /** Oldest active coroutine. */
    private Coro<?> first;
    /** Newest active coroutine. */
    private Coro<?> last;

    boolean isEmpty() {
        return first == null;
    }

    void add(Coro<?> coro) {
        CoroFields.previousActive(coro, last);
        if (last == null) {
            first = coro;
        } else {
            CoroFields.nextActive(last, coro);
        }
        last = coro;
    }

    /** Removes a coroutine; one that is not in the list is left as it is. */
    void remove(Coro<?> coro) {
        Coro<?> previous = CoroFields.previousActive(coro);
        Coro<?> next = CoroFields.nextActive(coro);
        if (previous == null) {
            if (first == coro) {
                first = next;
            }
        } else {
            CoroFields.nextActive(previous, next);
        }
        if (next == null) {
            if (last == coro) {
                last = previous;
            }
        } else {
            CoroFields.previousActive(next, previous);
        }
        CoroFields.previousActive(coro, null);
        CoroFields.nextActive(coro, null);
    }

    /** The coroutines, oldest first, as a list of their own. */
    List<Coro<?>> inOrder() {
        List<Coro<?>> active = new ArrayList<>();
        for (Coro<?> coro = first; coro != null; coro = CoroFields.nextActive(coro)) {
            active.add(coro);
        }
        return active;
    }
}
