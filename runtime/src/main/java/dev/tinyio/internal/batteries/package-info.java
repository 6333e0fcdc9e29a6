/**
 * The batteries: the runtime's own coroutines behind {@code Tinyio}'s sleeps, timeouts, isolates, copies, threads,
 * futures and {@code asCompleted}, each a stepper written by hand. They are clients of the core loop: they wait
 * through its {@link dev.tinyio.internal.loop.Wait}s and {@link dev.tinyio.internal.loop.Signal}s, and ask it for
 * anything more through {@link dev.tinyio.internal.loop.RunControl}. The batteries with public faces of their own
 * ({@code Event}, {@code Semaphore}, {@code Lock}, {@code Barrier}, {@code ThreadPool}) live in {@code dev.tinyio}
 * and are clients in the same way. Not an API: the module does not export this package.
 */
package dev.tinyio.internal.batteries;
