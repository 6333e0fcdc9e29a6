/**
 * JMH benchmarks of tinyio, each beside the JDK mechanism it is compared with (package {@code anchors}). Every
 * benchmark of coroutine code forks a JVM under the agent ({@link dev.tinyio.bench.Jvm#AGENT}); BENCHMARKS.md at
 * the root of the repository has the results and the command that reproduces them.
 */
package dev.tinyio.bench;
