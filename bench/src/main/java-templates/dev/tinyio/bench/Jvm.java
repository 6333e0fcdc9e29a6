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

    private Jvm() {
    }
}
