package demo.lib;

import dev.tinyio.Suspendable;
import java.util.function.Supplier;

/** Retries a body that may throw; the body is the caller's, and may suspend. */
public final class Retry {
    private Retry() {
    }

    /** Marked: the library's author expects callers to pass bodies that suspend. */
    @Suspendable
    public static <T> T retry(int times, Supplier<T> body) {
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

    /** The same helper, not marked: built alone, this library cannot know that its callers' bodies suspend. */
    public static <T> T retryPlain(int times, Supplier<T> body) {
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
