package dev.tinyio.tests.library;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Library code that decorates its user's supplier with a cache: given the supplier to ask, it answers what that
 * answered the first time. Loaded from a jar like {@link LibraryRelay}.
 */
public final class LibraryMemo implements Supplier<Object>, Consumer<Supplier<Object>> {
    private Supplier<Object> inner;
    private Object value;

    @Override
    public void accept(Supplier<Object> supplier) {
        this.inner = supplier;
    }

    @Override
    public Object get() {
        if (inner != null) {
            value = inner.get();
            inner = null;
        }
        return value;
    }
}
