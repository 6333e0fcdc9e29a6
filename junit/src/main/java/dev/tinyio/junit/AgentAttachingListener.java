package dev.tinyio.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Attaches the tinyio agent to this JVM when a JUnit Platform launcher session opens, once however many sessions
 * open. The JUnit Platform finds it through {@code META-INF/services}: having {@code tinyio-junit} on the test class
 * path is all it takes.
 *
 * <p>The agent adds methods to the classes it instruments, which the JVM allows only while a class loads, so it
 * must be attached before the first class that needs it loads. Launchers that open the session before they load
 * test classes let it be: Surefire 3.5.4 and later (except 3.6.0, and with forks reused), and the JUnit console
 * launcher. If such classes were loaded already, the session fails with a message that names them and the ways
 * out. If the agent is running
 * already ({@code -javaagent}), or the JVM refuses to attach one, it says so in one line and does nothing more.
 */
public final class AgentAttachingListener implements LauncherSessionListener {
    /** Made by the JUnit Platform, through {@link java.util.ServiceLoader}. */
    public AgentAttachingListener() {
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        AgentAttachment.forThisJvm().sessionOpened();
    }
}
