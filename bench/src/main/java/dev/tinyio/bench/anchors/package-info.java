/**
 * The JDK's own ways of doing what tinyio does, measured in the same run so that tinyio's results can be read as
 * ratios: {@code jdk.internal.vm.Continuation}, virtual threads, {@code CompletableFuture}. All but
 * {@link dev.tinyio.bench.anchors.CompletableFutureHops} need Java 21, and are compiled only there (the
 * {@code jdk21} profile of this module).
 */
package dev.tinyio.bench.anchors;
