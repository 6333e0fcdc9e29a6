package dev.tinyio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = new Messages("/repo/tinyio-agent-1.0-all.jar");

    @Test
    void an_agent_already_running() {
        assertEquals("tinyio-junit: the tinyio agent is already running in this JVM (-javaagent), so it is not "
                + "attached again.", messages.alreadyRunning());
    }

    @Test
    void attach_refused() {
        assertEquals("tinyio-junit could not attach the tinyio agent to this JVM (No compatible attachment provider "
                + "is available); tests that suspend will fail with NotInstrumentedError. Run the tests with "
                + "-javaagent:/repo/tinyio-agent-1.0-all.jar instead.",
                messages.refused("No compatible attachment provider is available"));
    }

    @Test
    void classes_loaded_too_early() {
        assertEquals("tinyio-junit cannot instrument com.acme.FeedTest, com.acme.Feed: loaded before the JUnit "
                + "launcher session opened, before the tinyio agent could be attached. Use Surefire 3.5.4 or later "
                + "(but not 3.6.0, and with reuseForks left true), which opens the session first, or run the tests "
                + "with -javaagent:/repo/tinyio-agent-1.0-all.jar.",
                messages.loadedTooEarly(List.of("com.acme.FeedTest", "com.acme.Feed")));
    }

    @Test
    void a_whole_suite_loaded_too_early_is_named_by_its_first_ten() {
        List<String> suite = IntStream.rangeClosed(1, 12).mapToObj(i -> "T" + i).toList();
        assertEquals("tinyio-junit cannot instrument T1, T2, T3, T4, T5, T6, T7, T8, T9, T10 and 2 more: loaded "
                + "before the JUnit launcher session opened, before the tinyio agent could be attached. Use "
                + "Surefire 3.5.4 or later (but not 3.6.0, and with reuseForks left true), which opens the session "
                + "first, or run the tests with -javaagent:/repo/tinyio-agent-1.0-all.jar.",
                messages.loadedTooEarly(suite));
    }
}
