package dev.tinyio;

/** Lets one coroutine at a time hold it: a {@link Semaphore} with one permit. */
public final class Lock {
    private final Semaphore semaphore = new Semaphore(1);

    /** An unlocked lock. */
    public Lock() {
    }

    /**
     * A coroutine that waits for the lock and returns its permit; close the permit to unlock.
     *
     * @return the coroutine
     */
    public Coro<Permit> acquire() {
        return semaphore.acquire();
    }
}
