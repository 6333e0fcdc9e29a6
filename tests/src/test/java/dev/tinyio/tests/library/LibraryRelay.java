package dev.tinyio.tests.library;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Library code that calls back into its user's code once and never names tinyio. The tests load it from a jar of
 * its own, as a dependency would be, where the agent leaves it alone.
 */
public final class LibraryRelay implements ToIntFunction<IntSupplier> {
    @Override
    public int applyAsInt(IntSupplier supplier) {
        return supplier.getAsInt() + 1;
    }
}
