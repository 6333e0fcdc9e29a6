package dev.tinyio.bench;

/**
 * JVM options for the forks of benchmarks, for {@code @Fork(jvmArgsAppend = ...)}, which takes only constants:
 * this file is filled in by the build.
 *
 * <p>JMH lets {@code -jvmArgsAppend} on its command line replace these, so pass extra options with
 * {@code -jvmArgs} instead.
 */
final class Jvm {
    /** Runs the fork under the tinyio agent; the benchmarks jar carries it. */
    static final String AGENT = "-javaagent:${benchmarks.jar}=failfast";

    /** Runs the fork under an agent that transforms nothing, {@code anchors.NoOpAgent}, packed in a jar of its own. */
    static final String NO_OP_AGENT = "-javaagent:${no-op-agent.jar}";

    /**
     * G1 regions large enough that an array of a million references (4 MB: the list of coroutines a benchmark
     * gathers, the loop's ready queue, the list of results) is an ordinary young object. In a heap of 2 GB, G1's
     * regions are 1 MB, and any array over half a region is "humongous": allocated straight into the old
     * generation, where every reference stored into it takes the write barrier's slow path, and whose growth sets
     * off concurrent marking, which then competes for the cores (see BENCHMARKS.md, "Spawn and gather at a million").
     * {@code anchors.VirtualThreadStartJoin} forks with the same.
     */
    static final String REGIONS_FOR_A_MILLION = "-XX:G1HeapRegionSize=32m";

    /**
     * A young generation that holds the gathers of a measured iteration, a million coroutines each: with G1's own
     * sizing after the full collection that precedes each iteration, young collections land inside the gathers and
     * copy their million live coroutines. {@code anchors.VirtualThreadStartJoin} forks with the same.
     */
    static final String YOUNG_GENERATION_FOR_A_MILLION = "-Xmn1600m";

    private Jvm() {
    }
}
