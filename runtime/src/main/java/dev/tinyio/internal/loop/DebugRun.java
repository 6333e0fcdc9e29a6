package dev.tinyio.internal.loop;

import dev.tinyio.Coro;

/**
 * What debug mode watches of one run: its steps, for the watchdog of slow steps, and the coroutines its steps
 * make, for the warning of those never yielded.
 */
final class DebugRun {
    /** What the watchdog sees of this run's steps. */
    private final SlowSteps.Watch steps;

    private DebugRun(long slowStepNanos) {
        this.steps = SlowSteps.watch(slowStepNanos);
        NeverYielded.runStarted();
    }

    /**
     * What debug mode watches of a run of a loop, if the loop is in debug mode.
     *
     * @param loop the loop
     * @return the watch, or {@code null} outside debug mode
     */
    static DebugRun of(LoopCore loop) {
        return loop.debug() ? new DebugRun(loop.slowStepNanos()) : null;
    }

    /** A step of a coroutine begins. */
    void stepping(Coro<?> coro) {
        steps.begin(coro);
    }

    /** The step ended. */
    void stepped() {
        steps.end();
    }

    /** The run ended. */
    void close() {
        steps.close();
        NeverYielded.runEnded();
    }
}
