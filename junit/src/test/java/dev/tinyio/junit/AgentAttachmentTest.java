package dev.tinyio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AgentAttachmentTest {
    private static final Messages MESSAGES = new Messages("/repo/tinyio-agent-1.0-all.jar");

    /** What each step was asked, and what was logged, in order. */
    private final List<String> calls = new ArrayList<>();

    private AgentAttachment attachment(boolean agentRunning, Supplier<Instrumentation> attach, List<String> early) {
        return new AgentAttachment(
                () -> agentRunning,
                () -> {
                    calls.add("attach");
                    return attach.get();
                },
                instrumentation -> {
                    calls.add("look for early classes");
                    return early;
                },
                instrumentation -> calls.add("start agent"),
                MESSAGES,
                (level, message) -> calls.add(level + ": " + message));
    }

    @Test
    void attaches_and_starts_the_agent_once_however_many_sessions_open() {
        AgentAttachment attachment = attachment(false, () -> null, List.of());
        attachment.sessionOpened();
        attachment.sessionOpened();
        attachment.sessionOpened();
        assertEquals(List.of("attach", "look for early classes", "start agent"), calls);
    }

    @Test
    void an_agent_already_running_is_left_alone_and_said_once() {
        AgentAttachment attachment = attachment(true, () -> null, List.of());
        attachment.sessionOpened();
        attachment.sessionOpened();
        assertEquals(List.of(Level.INFO + ": " + MESSAGES.alreadyRunning()), calls);
    }

    @Test
    void a_refused_attach_is_said_once_and_the_sessions_go_on() {
        AgentAttachment attachment = attachment(false, () -> {
            throw new IllegalStateException("No compatible attachment provider is available");
        }, List.of());
        attachment.sessionOpened();
        attachment.sessionOpened();
        assertEquals(List.of("attach",
                Level.WARNING + ": " + MESSAGES.refused("No compatible attachment provider is available")), calls);
    }

    @Test
    void classes_loaded_too_early_fail_every_session_and_the_agent_never_starts() {
        AgentAttachment attachment = attachment(false, () -> null, List.of("com.acme.FeedTest"));
        IllegalStateException first = assertThrows(IllegalStateException.class, attachment::sessionOpened);
        IllegalStateException second = assertThrows(IllegalStateException.class, attachment::sessionOpened);
        assertEquals(MESSAGES.loadedTooEarly(List.of("com.acme.FeedTest")), first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(List.of("attach", "look for early classes"), calls);
    }
}
