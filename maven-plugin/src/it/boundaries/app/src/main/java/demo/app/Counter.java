package demo.app;

import demo.lib.Steps;

/** Suspends in a synchronized method, which can never work. */
final class Counter {
    private int count;

    synchronized int lockedBump() {
        count = Steps.step(count);
        return count;
    }
}
