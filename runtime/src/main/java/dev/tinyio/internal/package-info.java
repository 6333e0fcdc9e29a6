/**
 * The frame store that instrumented code talks to. Not an API, though the module exports it, since instrumented
 * classes in other modules call it: the instrumenter emits calls to these classes, and every name and descriptor
 * it emits is declared in {@link dev.tinyio.internal.Contract}, versioned, and changes only together with it.
 *
 * <p>A suspendable method is rewritten twice: the original keeps its code and, after each call that may suspend,
 * saves its frame into a {@link dev.tinyio.internal.Frame} when a suspension is under way; a synthetic copy of it
 * re-enters a saved frame at its call site. Only the innermost frame is re-entered on resume; each parent is
 * re-entered when its child returns, so a resume costs the same at any depth. A {@link dev.tinyio.internal.Fiber}
 * holds one coroutine's frames and steps it for the loop; a suspension that cannot complete is explained, frame by
 * frame, by {@code Blame}.
 */
package dev.tinyio.internal;
