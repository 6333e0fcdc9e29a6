package dev.tinyio;

/**
 * What {@link Loop#run(Coro, GroupMode)} throws when a coroutine fails: tinyio's {@code exception_group}
 * argument ({@code None}, {@code False}, {@code True}).
 */
public enum GroupMode {
    /** The original throwable, or an {@link ExceptionGroup} if another coroutine threw while being cancelled. */
    AUTO,
    /** Always the original throwable; errors during cancellation are only logged. */
    NEVER,
    /** Always an {@link ExceptionGroup}: the original first, then every error and cancellation that followed. */
    ALWAYS
}
