package dev.tinyio.tests;

import java.lang.ref.ReferenceQueue;

/**
 * Runs the garbage collector until objects held only weakly are gone: each collection is followed by a wait on the
 * references' queue, which returns as soon as the collector has cleared and enqueued one.
 */
final class Collected {
    private Collected() {
    }

    /**
     * Collects until {@code count} references registered with {@code queue} have been enqueued, for at most twenty
     * collections.
     *
     * @param queue the queue the weak references were made with
     * @param count how many of them must be cleared
     * @return whether they all were
     * @throws InterruptedException if interrupted while waiting on the queue
     */
    static boolean all(ReferenceQueue<?> queue, int count) throws InterruptedException {
        int cleared = 0;
        for (int collection = 0; collection < 20 && cleared < count; collection++) {
            System.gc();
            while (cleared < count && queue.remove(100) != null) {
                cleared++;
            }
        }
        return cleared == count;
    }
}
