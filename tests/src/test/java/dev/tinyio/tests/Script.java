package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ordering tests read as a script (after kotlinx.coroutines' TestBase): {@code expect(n)} fails unless it is the
 * n-th step taken, and {@code finish(n)} must be the last.
 */
final class Script {
    private int step;
    private boolean finished;

    void expect(int n) {
        step++;
        assertEquals(n, step, "step " + n + " ran as step " + step);
    }

    void finish(int n) {
        expect(n);
        finished = true;
    }

    void assertFinished(int n) {
        assertTrue(finished, "finish(" + n + ") never ran; last step was " + step);
        assertEquals(n, step);
    }
}
