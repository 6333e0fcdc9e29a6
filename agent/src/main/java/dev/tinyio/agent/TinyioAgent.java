package dev.tinyio.agent;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent: {@code java -javaagent:tinyio-agent.jar[=options] ...} instruments suspendable methods as
 * classes load. Options, comma-separated:
 * <ul>
 * <li>{@code failfast}: a class that cannot be instrumented halts the JVM with status 70, instead of loading
 * uninstrumented with a logged warning (for tests);
 * <li>{@code verbose}: logs each instrumented class;
 * <li>{@code dump=<folder>}: writes each instrumented class, and its text form, to that folder;
 * <li>{@code include=<patterns>}: instruments only classes whose names match one of these patterns, separated by
 * {@code ;}, where {@code *} is any characters and {@code ?} one ({@code include=com.acme.*;org.foo.*});
 * <li>{@code exclude=<patterns>}: never instruments classes whose names match one of these.
 * </ul>
 * Classes already instrumented at build time by the Maven plugin are marked and left as they are.
 */
public final class TinyioAgent {
    private TinyioAgent() {
    }

    /**
     * Entry point for {@code -javaagent}.
     *
     * @param options the agent options, or {@code null}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String options, Instrumentation instrumentation) {
        install(options, instrumentation);
    }

    /**
     * Entry point when attached to a running JVM. Classes loaded before the attach are not instrumented.
     *
     * @param options the agent options, or {@code null}
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        install(options, instrumentation);
    }

    private static void install(String options, Instrumentation instrumentation) {
        instrumentation.addTransformer(new SuspendableTransformer(AgentOptions.parse(options),
                new RuntimeReads(instrumentation)), false);
        // The runtime's errors about code that was not instrumented then explain why the agent left it alone
        // (dev.tinyio.internal.Culprit.AGENT_PROPERTY; the agent carries no runtime classes).
        System.setProperty("dev.tinyio.agent", options == null ? "" : options);
    }
}
