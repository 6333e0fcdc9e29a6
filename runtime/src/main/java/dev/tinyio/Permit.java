package dev.tinyio;

/**
 * A permit of a {@link Semaphore} or {@link Lock}, released by closing it, as in
 * {@code try (Permit p = Coro.yield(semaphore.acquire())) { ... }}.
 */
public interface Permit extends AutoCloseable {
    /**
     * Releases the permit, handing it to the longest-waiting acquirer if there is one.
     *
     * @throws IllegalStateException if it was already released
     */
    @Override
    void close();
}
