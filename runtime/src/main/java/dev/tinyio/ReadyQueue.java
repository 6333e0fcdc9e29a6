package dev.tinyio;

/**
 * The loop's first-in first-out queue of (coroutine, value to resume it with), as a growable ring of two
 * parallel arrays: no allocation per entry, and values may be null.
 */
final class ReadyQueue {
    private Coro<?>[] coros = new Coro<?>[16];
    private Object[] values = new Object[16];
    /** Index of the oldest entry. */
    private int head;
    /** Number of entries. */
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Coro<?> coro, Object value) {
        if (size == coros.length) {
            grow(size + 1);
        }
        int at = (head + size) & (coros.length - 1);
        coros[at] = coro;
        values[at] = value;
        size++;
    }

    /** The oldest coroutine; call {@link #removeValue()} next to take its value and drop the entry. */
    Coro<?> peekCoro() {
        return coros[head];
    }

    /** Takes the oldest entry's value and removes the entry. */
    Object removeValue() {
        Object value = values[head];
        coros[head] = null;
        values[head] = null;
        head = (head + 1) & (coros.length - 1);
        size--;
        return value;
    }

    /** Whether a coroutine is queued: a scan, for diagnostics only. */
    boolean contains(Coro<?> coro) {
        for (int i = 0; i < size; i++) {
            if (coros[(head + i) & (coros.length - 1)] == coro) {
                return true;
            }
        }
        return false;
    }

    /** Makes room for that many more entries at once: a gather of n new coroutines grows the ring only once. */
    void ensureRoomFor(int more) {
        if (size + more > coros.length) {
            grow(size + more);
        }
    }

    private void grow(int needed) {
        int capacity = coros.length * 2;
        while (capacity < needed) {
            capacity *= 2;
        }
        coros = unwrapped(coros, new Coro<?>[capacity]);
        values = unwrapped(values, new Object[capacity]);
        head = 0;
    }

    /** Copies the entries, oldest first, to the start of a bigger array. */
    private <E> E[] unwrapped(E[] ring, E[] bigger) {
        int toEnd = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, bigger, 0, toEnd);
        System.arraycopy(ring, 0, bigger, toEnd, size - toEnd);
        return bigger;
    }
}
