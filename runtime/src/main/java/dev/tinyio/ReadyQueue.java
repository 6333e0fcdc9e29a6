package dev.tinyio;

/**
 * The loop's first-in first-out queue of coroutines ready to step, as a growable ring: no allocation per entry. A
 * coroutine is queued at most once at a time, so the value to resume it with waits in the coroutine itself
 * ({@link Coro#resumeWith}).
 */
final class ReadyQueue {
    private Coro<?>[] ring = new Coro<?>[16];
    /** Index of the oldest entry. */
    private int head;
    /** Number of entries. */
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Coro<?> coro) {
        if (size == ring.length) {
            grow(size + 1);
        }
        ring[(head + size) & (ring.length - 1)] = coro;
        size++;
    }

    /** Takes the oldest coroutine out. */
    Coro<?> remove() {
        Coro<?> coro = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        return coro;
    }

    /** Whether a coroutine is queued: a scan, for diagnostics only. */
    boolean contains(Coro<?> coro) {
        for (int i = 0; i < size; i++) {
            if (ring[(head + i) & (ring.length - 1)] == coro) {
                return true;
            }
        }
        return false;
    }

    /** Makes room for that many more entries at once: a gather of n new coroutines grows the ring only once. */
    void ensureRoomFor(int more) {
        if (size + more > ring.length) {
            grow(size + more);
        }
    }

    private void grow(int needed) {
        int capacity = ring.length * 2;
        while (capacity < needed) {
            capacity *= 2;
        }
        Coro<?>[] bigger = new Coro<?>[capacity];
        int toEnd = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, bigger, 0, toEnd);
        System.arraycopy(ring, 0, bigger, toEnd, size - toEnd);
        ring = bigger;
        head = 0;
    }
}
