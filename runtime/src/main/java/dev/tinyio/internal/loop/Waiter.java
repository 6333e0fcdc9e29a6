package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.List;

/**
 * One suspended coroutine waiting: counts the completions (of coroutines, or wake-ups) still to come, and queues
 * the coroutine with its value when the count reaches zero. A {@link Wait} is its own waiter; a coroutine waiting
 * for the coroutines it yielded has a {@link MembersWaiter}.
 */
public class Waiter {
    /** The coroutine that waits; for a {@link Wait}, set when the loop registers it. */
    Coro<?> coro;
    /** How many completions are still to come. */
    private int remaining;

    Waiter(Coro<?> coro, int remaining) {
        this.coro = coro;
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

    /** The coroutines it waits for, each once; none for an internal wait. */
    List<Coro<?>> awaitedCoroutines() {
        return List.of();
    }

    /** The value the waiting coroutine resumes with; nothing for an internal wait. */
    Object value() {
        return null;
    }
}
