package dev.tinyio.tests.library;

import java.util.function.IntSupplier;

/**
 * A library's ready-made body of a coroutine: it runs its user's code and adds one. The tests load it from a jar of
 * its own, as a dependency would be.
 */
public final class LibraryBody implements dev.tinyio.Coro.Body<Integer> {
    private final IntSupplier work;

    /**
     * A body.
     *
     * @param work what {@link #run} calls
     */
    public LibraryBody(IntSupplier work) {
        this.work = work;
    }

    @Override
    public Integer run() {
        return work.getAsInt() + 1;
    }
}
