package dev.tinyio;

/** What the runtime's own coroutines, written by hand as state machines, share. */
final class NativeSteppers {
    /** The suspended trace of a coroutine with no user frames. */
    static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    private NativeSteppers() {
    }
}
