package demo.app;

import java.util.function.Supplier;

/** The application's own retry helper; never names the library. */
final class Attempts {
    private Attempts() {
    }

    static <T> T retry(int times, Supplier<T> body) {
        RuntimeException last = null;
        for (int i = 0; i < times; i++) {
            try {
                return body.get();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
