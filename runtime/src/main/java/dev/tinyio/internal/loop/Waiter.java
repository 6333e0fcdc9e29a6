package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.List;

/**
 * One suspended coroutine waiting: counts the completions (of coroutines, or wake-ups) still to come, and queues
 * the coroutine with its value when the count reaches zero. A {@link Wait} is its own waiter, and its one
 * completion is its last; a coroutine waiting for a list of coroutines has a {@link MembersWaiter}, which
 * counts them. A coroutine waiting for one coroutine alone has none: it is registered as itself.
 */
public abstract class Waiter {
    /** The coroutine that waits; for a {@link Wait}, set when the loop registers it. */
    Coro<?> coro;

    Waiter(Coro<?> coro) {
        this.coro = coro;
    }

    /**
     * Counts one completion down.
     *
     * @return true if this was the last one
     */
    abstract boolean countDown();

    /** The coroutines it waits for, each once; none for an internal wait. */
    List<Coro<?>> awaitedCoroutines() {
        return List.of();
    }

    /** The value the waiting coroutine resumes with; nothing for an internal wait. */
    Object value() {
        return null;
    }
}
