package dev.tinyio.internal;

import java.util.List;

/** Whose code a stack frame runs, by its class's name: the platform's, reflection's, the runtime's, or a relay. */
final class Origins {
    private static final List<String> PLATFORM = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private Origins() {
    }

    /** Whether a class is the JDK's. */
    static boolean isPlatform(String className) {
        for (String prefix : PLATFORM) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class calls on through reflection or a method handle. */
    static boolean isReflection(String className) {
        return className.startsWith("java.lang.reflect.") || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.invoke.MethodHandle");
    }

    /** Whether a class is the runtime itself: its frames are never the user's. */
    static boolean isRuntime(String className) {
        return className.startsWith("dev.tinyio.internal.")
                || className.startsWith("dev.tinyio.") && className.indexOf('.', "dev.tinyio.".length()) < 0;
    }

    /** Lambda proxies and method handle internals only pass a call on: they are never the frame to blame. */
    static boolean isPassThrough(String className) {
        return className.contains("$$Lambda") || className.startsWith("java.lang.invoke.LambdaForm")
                || className.startsWith("java.lang.invoke.DirectMethodHandle")
                || className.startsWith("java.lang.invoke.Invokers");
    }
}
