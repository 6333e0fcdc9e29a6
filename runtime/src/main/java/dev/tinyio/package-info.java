/**
 * tinyio for Java: coroutines ({@link dev.tinyio.Coro}) that suspend at {@code Coro.yield}, run by a tiny,
 * deterministic, single-threaded event loop ({@link dev.tinyio.Loop}). When one coroutine fails, every other one
 * is cancelled, each gets to clean up, and the error that comes out reads like one stack trace.
 *
 * <p>Methods that suspend are rewritten to save and restore their frames by the {@code tinyio-agent} Java agent
 * or the {@code tinyio-maven-plugin}; this package itself is plain Java with no dependencies.
 *
 * <p>The behaviour, down to the order of the steps and what each {@link dev.tinyio.GroupMode} throws, is specified
 * in docs/semantics.md in the project's repository, which also lists where it differs from Python's tinyio.
 */
package dev.tinyio;
