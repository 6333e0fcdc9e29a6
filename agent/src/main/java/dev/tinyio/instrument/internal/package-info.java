/**
 * How the instrumenter works, not an API: which methods suspend ({@code SuspendableIndex}, over a {@code CallGraph}
 * of the classes it knows), what instrumenting makes of a class and each of its methods ({@code ClassRewriter},
 * {@code InstrumentedClass}), where their calls may suspend and what is alive there ({@code SiteFinder},
 * {@code SiteLayout}), the rewriting of each method into an original that saves its frame and a copy that re-enters
 * it ({@code MethodRewriter}, with {@code SiteCode}, {@code SuspensionChecks} and {@code FrameSlots}), the class's
 * dispatch method, and writing the class with every untouched method's bytes kept ({@code SelectiveWriter}), its
 * static initialiser checking the contract version first ({@code InitialiserCheck}) and, where that initialiser is
 * new, its {@code serialVersionUID} kept ({@code SerialVersion}). {@code RuntimeNames} holds the runtime's names it
 * emits.
 */
package dev.tinyio.instrument.internal;
