/**
 * Instrumenting a build's output: the class files of a folder, analysed as one program against the build's
 * classpath, rewritten in place beside the index of their suspendable methods. The Maven plugin and the command-line
 * instrumenter are adapters around {@link dev.tinyio.instrument.build.FolderInstrumenter}, so every build tool gets
 * the same rules.
 */
package dev.tinyio.instrument.build;
