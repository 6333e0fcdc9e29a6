/**
 * The runtime's own vocabulary, beside the public one of {@code dev.tinyio}: what every layer of the runtime may name
 * and none of them owns. How the loop advances a coroutine ({@link dev.tinyio.internal.vocabulary.Stepper}, with
 * its outcome in a {@link dev.tinyio.internal.vocabulary.Step}), the stages of a coroutine's life
 * ({@link dev.tinyio.internal.vocabulary.CoroState}), and what the public {@code Coro.yield} throws. Not an API: the
 * module does not export it.
 */
package dev.tinyio.internal.vocabulary;
