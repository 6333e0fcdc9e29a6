package dev.tinyio.junit;

import dev.tinyio.agent.TinyioAgent;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The decision, taken once, whether and how to start the agent in this JVM, and what every session opened since
 * is told: nothing, or the failure that classes were loaded before the agent could instrument them.
 */
final class AgentAttachment {
    /** Set by the agent when it starts, however it was started (dev.tinyio.internal.Culprit.AGENT_PROPERTY). */
    private static final String AGENT_PROPERTY = "dev.tinyio.agent";

    private static final System.Logger LOG = System.getLogger("dev.tinyio.junit");

    /**
     * One per loader of this class, which is one per JVM as tests run; a second loader of it would find the agent
     * running by its property, and say so.
     */
    private static final AgentAttachment THIS_JVM = new AgentAttachment(
            () -> System.getProperty(AGENT_PROPERTY) != null,
            ByteBuddyAgent::install,
            EarlyClasses::loadedBefore,
            instrumentation -> TinyioAgent.agentmain(null, instrumentation),
            new Messages(AgentJar.path()),
            LOG::log);

    private final BooleanSupplier agentRunning;
    private final Supplier<Instrumentation> attach;
    private final Function<Instrumentation, List<String>> loadedTooEarly;
    private final Consumer<Instrumentation> startAgent;
    private final Messages messages;
    private final BiConsumer<Level, String> log;

    private boolean decided;
    /** Why every session fails, or {@code null} if none does. */
    private String failure;

    /**
     * @param agentRunning whether the agent runs already
     * @param attach attaches to this JVM and gives its instrumentation; throws if the JVM refuses
     * @param loadedTooEarly the names of the loaded classes that the agent would have instrumented
     * @param startAgent starts the agent with the instrumentation
     * @param messages the words
     * @param log where the lines go
     */
    AgentAttachment(BooleanSupplier agentRunning, Supplier<Instrumentation> attach,
            Function<Instrumentation, List<String>> loadedTooEarly, Consumer<Instrumentation> startAgent,
            Messages messages, BiConsumer<Level, String> log) {
        this.agentRunning = agentRunning;
        this.attach = attach;
        this.loadedTooEarly = loadedTooEarly;
        this.startAgent = startAgent;
        this.messages = messages;
        this.log = log;
    }

    static AgentAttachment forThisJvm() {
        return THIS_JVM;
    }

    /**
     * Attaches the agent the first time; fails this session, and every later one, if it came too late.
     *
     * @throws IllegalStateException if classes that needed instrumenting were loaded before the first session
     */
    synchronized void sessionOpened() {
        if (!decided) {
            decided = true;
            failure = decide();
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private String decide() {
        if (agentRunning.getAsBoolean()) {
            log.accept(Level.INFO, messages.alreadyRunning());
            return null;
        }
        Instrumentation instrumentation;
        try {
            instrumentation = attach.get();
        } catch (RuntimeException refused) {
            // Byte Buddy says IllegalStateException when no way to attach works, and lets the attach API's own
            // runtime exceptions through: either way this JVM takes no agent.
            // Tests that never suspend can still pass, so the run goes on; those that do will fail and say why.
            log.accept(Level.WARNING, messages.refused(refused.getMessage()));
            return null;
        }
        List<String> early = loadedTooEarly.apply(instrumentation);
        if (!early.isEmpty()) {
            // Started now, the agent would instrument the classes that load later and not these: half a program,
            // failing later in ways that are harder to read than this.
            return messages.loadedTooEarly(early);
        }
        startAgent.accept(instrumentation);
        return null;
    }
}
