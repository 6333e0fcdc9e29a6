package dev.tinyio;

import dev.tinyio.internal.vocabulary.Sneaky;

/**
 * The outcome of a coroutine that may fail without crashing its loop ({@code Tinyio.isolate},
 * {@code Tinyio.timeout}).
 *
 * @param <T> the type of the value
 * @param value the value on success, else {@code null}
 * @param error the failure, or {@code null} on success
 */
public record Result<T>(T value, Throwable error) {
    /**
     * Whether the coroutine succeeded.
     *
     * @return {@code error() == null}
     */
    public boolean success() {
        return error == null;
    }

    /**
     * The value, or the failure rethrown as it is: the same object, checked exceptions included, though undeclared,
     * as {@link Loop#run} rethrows.
     *
     * @return the value on success
     */
    public T getOrThrow() {
        if (error != null) {
            throw Sneaky.<RuntimeException>raise(error);
        }
        return value;
    }

    /**
     * The value, or {@code other} on failure.
     *
     * @param other what to return on failure
     * @return the value on success, else {@code other}
     */
    public T orElse(T other) {
        return error == null ? value : other;
    }
}
