package dev.tinyio;

/**
 * A function that may throw, for {@link ThreadPool#map}.
 *
 * @param <X> the argument type
 * @param <T> the result type
 */
@FunctionalInterface
public interface ThrowingFunction<X, T> {
    /**
     * Applies the function.
     *
     * @param x the argument
     * @return the result
     * @throws Exception anything; it comes back to the coroutine that waits for the result
     */
    T apply(X x) throws Exception;
}
