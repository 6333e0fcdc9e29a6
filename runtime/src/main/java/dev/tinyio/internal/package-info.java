/**
 * The frame store that instrumented code talks to. Not an API: the instrumenter emits calls to these classes,
 * and their names and signatures change only together with it.
 *
 * <p>A suspendable method is rewritten twice: the original keeps its code and, after each call that may suspend,
 * saves its frame into a {@link dev.tinyio.internal.Frame} when a suspension is under way; a synthetic copy of it
 * re-enters a saved frame at its call site. Only the innermost frame is re-entered on resume; each parent is
 * re-entered when its child returns, so a resume costs the same at any depth.
 */
package dev.tinyio.internal;
