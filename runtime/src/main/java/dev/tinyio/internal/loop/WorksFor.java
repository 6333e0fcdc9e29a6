package dev.tinyio.internal.loop;

import dev.tinyio.Coro;

/**
 * One of the runtime's own coroutines that a battery runs in the background for another coroutine (a timeout's
 * recorder of its coroutine's result, say), and that nobody waits for: a failure it waited for reads on through the
 * frames of whoever waits for the coroutine it works for, as through its own waiter ({@link WaitChain}).
 */
public interface WorksFor {
    /**
     * The coroutine it works for.
     *
     * @return the coroutine, or {@code null} if there is none yet
     */
    Coro<?> worksFor();
}
