package dev.tinyio;

import java.util.Objects;

/**
 * The event loop: runs a coroutine and everything it yields on the calling thread, one step at a time, in the
 * deterministic order of SEMANTICS.md. When any coroutine fails, every other one is cancelled and {@code run}
 * throws.
 *
 * <p>A loop remembers the results of the coroutines it ran, in the coroutines themselves, so a later {@code run}
 * may yield them again without the loop keeping them alive. Different loops nest freely, on any thread.
 */
public final class Loop {
    /** Whether a run is in progress: {@code run} is not reentrant. */
    private boolean running;

    /** A loop with nothing scheduled. */
    public Loop() {
    }

    /**
     * Runs a coroutine to the end, and everything it yields, with {@link GroupMode#AUTO}.
     *
     * @param coro the coroutine; if this loop already finished it, its result is returned at once
     * @param <T> the type of the result
     * @return the coroutine's result
     * @throws NullPointerException if {@code coro} is null
     * @throws IllegalStateException if this loop is already running
     * @throws IllegalArgumentException if the coroutine was started by another loop
     */
    public <T> T run(Coro<T> coro) {
        return run(coro, GroupMode.AUTO);
    }

    /**
     * Runs a coroutine to the end, and everything it yields. On failure every other coroutine is cancelled, and
     * what is thrown is the original throwable, unchanged (checked ones too, undeclared), or an
     * {@link ExceptionGroup}, as {@code mode} says.
     *
     * @param coro the coroutine; if this loop already finished it, its result is returned at once
     * @param mode what to throw on failure
     * @param <T> the type of the result
     * @return the coroutine's result
     * @throws NullPointerException if {@code coro} or {@code mode} is null
     * @throws IllegalStateException if this loop is already running
     * @throws IllegalArgumentException if the coroutine was started by another loop
     */
    @SuppressWarnings("unchecked")
    public <T> T run(Coro<T> coro, GroupMode mode) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(mode, "mode");
        if (running) {
            throw new IllegalStateException("Cannot call Loop.run whilst the loop is currently running. "
                    + "To wait for a coroutine from inside the loop, yield it: Coro.yield(coro).");
        }
        if (coro.owner == this && coro.state == Coro.DONE) {
            return (T) coro.result;
        }
        if (coro.state != Coro.NEW) {
            throw new IllegalArgumentException(alreadyStarted(coro));
        }
        running = true;
        try {
            return (T) new Scheduler(this, coro, mode).runToEnd();
        } finally {
            running = false;
        }
    }

    String alreadyStarted(Coro<?> coro) {
        if (coro.owner == this) {
            return "The coroutine " + coro + " has already started: it failed or was cancelled in an earlier run of "
                    + "this loop, so it has no result.";
        }
        return "The coroutine " + coro + " has already started. However it has not been seen by this loop before "
                + "and as such does not have any result associated with it. (Inside Tinyio.isolate, use "
                + "Tinyio.copy to consume a coroutine of the outer loop.)";
    }
}
