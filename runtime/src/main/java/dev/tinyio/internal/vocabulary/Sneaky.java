package dev.tinyio.internal.vocabulary;

/**
 * Rethrows any throwable unchanged, checked ones included, without declaring it: {@code Loop.run} and
 * {@code Result.getOrThrow} promise this.
 */
public final class Sneaky {
    private Sneaky() {
    }

    /**
     * Throws the throwable as it is.
     *
     * @param t the throwable
     * @param <T> inferred as an unchecked type at the call site
     * @return never returns; declared so that callers can write {@code throw Sneaky.raise(t)}
     * @throws T always, the throwable itself
     */
    @SuppressWarnings("unchecked")
    public static <T extends Throwable> T raise(Throwable t) throws T {
        throw (T) t;
    }
}
