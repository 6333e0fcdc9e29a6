/**
 * The core loop: the ready queue, the table of coroutines a run knows, waits and waiters, timers, the check for a
 * cycle of waits, cancellation and the building of what a failed run throws. It steps coroutines through the frame
 * store and knows no battery by name: the runtime's own coroutines reach it through {@link
 * dev.tinyio.internal.loop.RunControl}, and values that must be told when they never reach their coroutine
 * implement {@link dev.tinyio.internal.loop.Undeliverable}. Not an API: the module does not export it.
 */
package dev.tinyio.internal.loop;
