package dev.tinyio.tests.library;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/** Library code that calls back twice, as a retrying helper does; loaded from a jar like {@link LibraryRelay}. */
public final class LibraryRetry implements ToIntFunction<IntSupplier> {
    @Override
    public int applyAsInt(IntSupplier supplier) {
        int first = supplier.getAsInt();
        return first + supplier.getAsInt();
    }
}
