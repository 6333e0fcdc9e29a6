/**
 * The command-line instrumenter in the agent's jar, {@code java -jar tinyio-agent-<version>-all.jar instrument}:
 * an adapter of {@link dev.tinyio.instrument.build.FolderInstrumenter} for build tools other than Maven.
 */
package dev.tinyio.cli;
