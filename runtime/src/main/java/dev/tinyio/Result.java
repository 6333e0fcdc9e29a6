package dev.tinyio;

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
}
