package dev.tinyio;

/**
 * The loop's internal wait, made by the one step of a waiting coroutine ({@link Tinyio#sleep}): it counts its
 * coroutine's waiter down when its deadline passes. Ordered by deadline, then by creation, on the timer heap.
 */
final class Wait implements Comparable<Wait> {
    /** How long to wait, in nanoseconds, counted from when the loop registers the wait. */
    final long timeoutNanos;
    /** The {@link System#nanoTime()} at which it fires; set on registration. */
    long deadline;
    /** Registration order, to break ties between equal deadlines first-in first-out. */
    long sequence;
    /** The waiter it counts down; set on registration. */
    Waiter waiter;

    Wait(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public int compareTo(Wait other) {
        int byDeadline = Long.compare(deadline - other.deadline, 0);
        return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
}
