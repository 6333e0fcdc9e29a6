/**
 * The instrumentation core: class file bytes in, class file bytes out. {@link dev.tinyio.instrument.Instrumenter}
 * rewrites the methods that suspend so that they can save their frames and be re-entered, and never loads a
 * class: other classes are read as bytes through a {@link dev.tinyio.instrument.ClassSource}. The agent and the
 * Maven plugin are adapters around it.
 */
package dev.tinyio.instrument;
