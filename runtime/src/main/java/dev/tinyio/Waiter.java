package dev.tinyio;

import java.util.ArrayList;
import java.util.List;

/**
 * One suspended coroutine waiting for what it yielded: counts the coroutines (or wake-ups) still to come, and
 * queues the coroutine with its value when the count reaches zero. A {@link Wait} is its own waiter.
 */
class Waiter {
    /** The coroutine that waits; for a {@link Wait}, set when the loop registers it. */
    Coro<?> coro;
    /** What it yielded: a coroutine, a list of coroutines, or {@code null} for an internal wait. */
    private final Object awaited;
    /** How many completions are still to come. */
    private int remaining;

    Waiter(Coro<?> coro, Object awaited, int remaining) {
        this.coro = coro;
        this.awaited = awaited;
        this.remaining = remaining;
    }

    /**
     * Counts one completion down.
     *
     * @return true if this was the last one
     */
    boolean countDown() {
        return --remaining == 0;
    }

    /** The coroutines it waits for, each once; empty for an internal wait. */
    List<Coro<?>> awaitedCoroutines() {
        List<Coro<?>> coros = new ArrayList<>();
        if (awaited instanceof Coro<?> one) {
            coros.add(one);
        } else if (awaited instanceof List<?> many) {
            for (Object member : many) {
                if (!coros.contains(member)) {
                    coros.add((Coro<?>) member);
                }
            }
        }
        return coros;
    }

    /** The value the waiting coroutine resumes with: one result, or the results in list order. */
    Object value() {
        if (awaited instanceof Coro<?> one) {
            return one.result;
        }
        if (awaited instanceof List<?> many) {
            List<Object> results = new ArrayList<>(many.size());
            for (Object member : many) {
                results.add(((Coro<?>) member).result);
            }
            return results;
        }
        return null;
    }
}
