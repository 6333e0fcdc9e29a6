package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The loop's first-in first-out queue of coroutines ready to step, as a growable ring: no allocation per entry. A
 * coroutine is queued at most once at a time, so the value to resume it with waits in the coroutine itself
 * ({@link CoroFields#resumeWith}).
 *
 * <p>The ring is replaced by a copy of itself every {@link #RENEWED_AFTER} times its length in additions. A run may
 * live as long as its program, and a ring that has lived through a few collections is in G1's old generation, where
 * every reference stored into it takes the write barrier's slow path, with a memory fence: where coroutines take
 * turns, every addition. A copy is young again, and costs one entry's copy per {@link #RENEWED_AFTER} additions.
 */
final class ReadyQueue {
    /** The ring's size to start with, and to go back to. */
    private static final int INITIAL = 16;
    /**
     * The largest ring kept once the queue is empty: a burst of ready coroutines (a gather of a million) grows the
     * ring, and the run would otherwise keep that ring for as long as it runs.
     */
    private static final int KEPT_WHEN_EMPTY = 4096;
    /** Additions, per entry of the ring's length, before the ring is renewed. */
    private static final int RENEWED_AFTER = 64;

    private Coro<?>[] ring = new Coro<?>[INITIAL];
    /** Index of the oldest entry. */
    private int head;
    /** Number of entries. */
    private int size;
    /** Additions left before the ring is renewed. */
    private int addsBeforeRenewal = RENEWED_AFTER * INITIAL;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Coro<?> coro) {
        if (size == ring.length) {
            grow(size + 1);
        } else if (--addsBeforeRenewal == 0) {
            moveTo(ring.length);
        }
        int slot = (head + size) & (ring.length - 1);
        if (ring[slot] != coro) {
            ring[slot] = coro;
        }
        size++;
    }

    /**
     * Takes the oldest coroutine out. The queue that it empties starts again at the first slot, where the
     * coroutine taken last stays until another is queued: a coroutine that yields while nothing else is ready is
     * queued into the slot that already holds it, and stores nothing. The ring lives as long as the run, and once
     * it is in G1's old generation, every reference stored into it takes the write barrier's slow path. Every
     * other slot outside the queued entries is empty, so the ring keeps at most that one coroutine alive. A ring
     * that a burst grew past {@link #KEPT_WHEN_EMPTY} is dropped for a small one.
     */
    Coro<?> remove() {
        Coro<?> coro = ring[head];
        size--;
        if (size == 0) {
            if (ring.length > KEPT_WHEN_EMPTY) {
                moveTo(INITIAL);
            } else if (head != 0) {
                ring[head] = null;
            }
            head = 0;
            return coro;
        }
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        return coro;
    }

    /**
     * The queued coroutines, for diagnostics: read once into locals, so that a dump from another thread while the
     * ring grows sees a stale but consistent picture rather than an index out of bounds.
     */
    Set<Coro<?>> snapshot() {
        Coro<?>[] at = ring;
        int first = head;
        int count = Math.min(size, at.length);
        Set<Coro<?>> queued = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < count; i++) {
            Coro<?> coro = at[(first + i) & (at.length - 1)];
            if (coro != null) {
                queued.add(coro);
            }
        }
        return queued;
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
        moveTo(capacity);
    }

    /** Moves the entries, oldest first, into a new ring of that capacity, at least their number. */
    private void moveTo(int capacity) {
        Coro<?>[] fresh = new Coro<?>[capacity];
        int toEnd = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, fresh, 0, toEnd);
        System.arraycopy(ring, 0, fresh, toEnd, size - toEnd);
        ring = fresh;
        head = 0;
        addsBeforeRenewal = (int) Math.min((long) RENEWED_AFTER * capacity, Integer.MAX_VALUE);
    }
}
