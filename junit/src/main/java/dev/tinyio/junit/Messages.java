package dev.tinyio.junit;

import java.util.List;

/** What tinyio-junit says, each in one line, naming the agent jar that {@code -javaagent} would take. */
final class Messages {
    /** The most class names a failure lists; a whole test suite loaded early would bury the fixes. */
    private static final int NAMED_CLASSES = 10;

    private final String agentJar;

    /**
     * @param agentJar the agent jar's path, for {@code -javaagent}
     */
    Messages(String agentJar) {
        this.agentJar = agentJar;
    }

    String alreadyRunning() {
        return "tinyio-junit: the tinyio agent is already running in this JVM (-javaagent), so it is not attached "
                + "again.";
    }

    String refused(String reason) {
        return "tinyio-junit could not attach the tinyio agent to this JVM (" + reason + "); tests that suspend "
                + "will fail with NotInstrumentedError. Run the tests with -javaagent:" + agentJar + " instead.";
    }

    String loadedTooEarly(List<String> classNames) {
        String named = String.join(", ", classNames.subList(0, Math.min(classNames.size(), NAMED_CLASSES)));
        String more = classNames.size() > NAMED_CLASSES ? " and " + (classNames.size() - NAMED_CLASSES) + " more" : "";
        return "tinyio-junit cannot instrument " + named + more + ": loaded before the JUnit launcher session "
                + "opened, before the tinyio agent could be attached. Use Surefire 3.5.4 or later (but not 3.6.0, "
                + "and with reuseForks left true), which opens the session first, or run the tests with -javaagent:"
                + agentJar + ".";
    }
}
