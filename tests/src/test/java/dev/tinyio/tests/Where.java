package dev.tinyio.tests;

import java.lang.StackWalker.StackFrame;

/**
 * The caller's place in the source as a stack trace prints it, {@code Class.method(File.java:line)}: what the
 * runtime's messages name, so that a test can build the message it expects from where its own code stands.
 */
final class Where {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private Where() {
    }

    /**
     * The line after the caller's: put the call the message will name on the next line.
     *
     * @return the caller's method and the number of the next line
     */
    static String nextLine() {
        StackFrame caller = WALKER.walk(frames -> frames.skip(1).findFirst()).orElseThrow();
        return caller.getClassName() + "." + caller.getMethodName() + "(" + caller.getFileName() + ":"
                + (caller.getLineNumber() + 1) + ")";
    }
}
