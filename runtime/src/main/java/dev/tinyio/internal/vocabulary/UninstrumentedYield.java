package dev.tinyio.internal.vocabulary;

import java.util.function.Function;

/**
 * What the public {@code Coro.yield} methods throw. The instrumenter redirects every call of them in code it
 * rewrites, so they run only when their caller was not instrumented, or when no loop is running. Telling which, and
 * naming the frame to blame, takes the frame store, which sits above this vocabulary: it installs its explanation
 * when a thread first gets ready to step a coroutine. Until then no coroutine has run in this JVM, and the only
 * answer is that no loop is running.
 */
public final class UninstrumentedYield {
    /** Makes the error for a yield, given the yield's name such as {@code Coro.yield(Coro)}. */
    private static volatile Function<String, Throwable> explanation = UninstrumentedYield::outsideLoop;

    private UninstrumentedYield() {
    }

    /**
     * The error for a call of a public {@code Coro.yield}.
     *
     * @param what the yield that was called, such as {@code Coro.yield()}
     * @return the error to throw: an {@link IllegalStateException}, or a {@code NotInstrumentedError}
     */
    public static Throwable error(String what) {
        return explanation.apply(what);
    }

    /**
     * Installs the frame store's explanation; the same one every time it is called.
     *
     * @param frameStore makes the error for a yield, given its name
     */
    public static void explainWith(Function<String, Throwable> frameStore) {
        explanation = frameStore;
    }

    /**
     * A suspension point was reached outside any running loop.
     *
     * @param what the yield that was called
     * @return the error
     */
    public static IllegalStateException outsideLoop(String what) {
        return new IllegalStateException(what + " was called outside a running Loop. Suspension points are legal "
                + "only while a coroutine of a running Loop is executing: start the coroutine with "
                + "new Loop().run(coro), or yield it from another coroutine.");
    }
}
