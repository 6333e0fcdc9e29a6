/**
 * The Maven plugin: goals {@code instrument} and {@code instrument-tests} run the same instrumentation core as the
 * agent over a module's output folder after compilation, so that the program runs without the agent, and write
 * beside the classes the index of their suspendable methods that the agent and later builds read. The mojos are
 * thin adapters around {@link dev.tinyio.instrument.build.FolderInstrumenter}, which knows nothing of Maven.
 */
package dev.tinyio.maven;
