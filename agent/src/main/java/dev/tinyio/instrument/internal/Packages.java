package dev.tinyio.instrument.internal;

import java.util.List;

/** The packages of the platform and of the library itself, whose classes are never instrumented. */
final class Packages {
    /** Packages of the platform: never parsed, never suspending. */
    private static final List<String> PLATFORM = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");
    /** Packages of the library itself, which is never instrumented. */
    private static final List<String> OWN_PACKAGES = List.of("dev/tinyio/internal/", "dev/tinyio/instrument/",
            "dev/tinyio/agent/", "dev/tinyio/shaded/", "dev/tinyio/cli/");

    private Packages() {
    }

    /**
     * Whether a class's own methods never suspend, and it is never instrumented: the platform's and the library's.
     *
     * @param internalName the class
     * @return true for the JDK's classes and tinyio's own
     */
    static boolean neverSuspends(String internalName) {
        return isPlatform(internalName) || isLibrary(internalName);
    }

    /**
     * Whether a class is the library's own, which is never instrumented.
     *
     * @param internalName the class
     * @return true for the runtime, the instrumenter and the agent
     */
    static boolean isLibrary(String internalName) {
        for (String prefix : OWN_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return internalName.startsWith("dev/tinyio/") && internalName.indexOf('/', "dev/tinyio/".length()) < 0;
    }

    /**
     * Whether a class belongs to the platform, whose classes are never parsed.
     *
     * @param internalName the class
     * @return true for JDK packages
     */
    static boolean isPlatform(String internalName) {
        for (String prefix : PLATFORM) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
