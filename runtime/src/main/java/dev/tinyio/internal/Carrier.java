package dev.tinyio.internal;

/**
 * Per-thread pointer to the fiber that a loop is stepping on this thread. A loop fetches it once per run and then
 * only writes its field, so stepping needs no thread-local lookup.
 */
public final class Carrier {
    private static final ThreadLocal<Carrier> CURRENT = ThreadLocal.withInitial(Carrier::new);

    /** The fiber being stepped on this thread, or {@code null} outside any coroutine. */
    public Fiber fiber;

    private Carrier() {
    }

    /**
     * This thread's carrier.
     *
     * @return the carrier, created on first use
     */
    public static Carrier get() {
        return CURRENT.get();
    }
}
