package dev.tinyio.internal.loop;

import dev.tinyio.Coro;

/** A coroutine, or the loop itself, failed: unwinds the run to where it is driven, which then cancels the rest. */
final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The coroutine that failed, or {@code null} for the loop itself. */
    final transient Coro<?> origin;
    /** What it threw. */
    final Throwable error;
    /**
     * A coroutine the failure already ended that still counts as cancelled, or {@code null}: the root after a
     * cycle, which tinyio throws into once more and which, ended, answers with a fresh cancellation.
     */
    final transient Coro<?> endedRoot;

    Failure(Coro<?> origin, Throwable error) {
        this(origin, error, null);
    }

    Failure(Coro<?> origin, Throwable error, Coro<?> endedRoot) {
        super(null, null, false, false);
        this.origin = origin;
        this.error = error;
        this.endedRoot = endedRoot;
    }
}
