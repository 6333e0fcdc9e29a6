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
            grow();
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

    private void grow() {
        Coro<?>[] biggerCoros = new Coro<?>[coros.length * 2];
        Object[] biggerValues = new Object[coros.length * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (coros.length - 1);
            biggerCoros[i] = coros[from];
            biggerValues[i] = values[from];
        }
        coros = biggerCoros;
        values = biggerValues;
        head = 0;
    }
}
