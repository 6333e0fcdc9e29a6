package dev.tinyio.tests.library;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Library code that uses what its callback returns at once; loaded from a jar like {@link LibraryRelay}. */
public final class LibraryLength implements ToIntFunction<Supplier<String>> {
    @Override
    public int applyAsInt(Supplier<String> supplier) {
        return supplier.get().length();
    }
}
