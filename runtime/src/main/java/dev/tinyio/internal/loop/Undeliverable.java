package dev.tinyio.internal.loop;

/**
 * A value a battery hands to a coroutine that must be told if it never arrives: a coroutine thrown into while
 * queued to resume never sees the value it was to resume with, and a semaphore's permit in it would otherwise be
 * held by no one for ever. The loop tells such values, alone or as members of a gathered list.
 */
public interface Undeliverable {
    /** The value will never reach the coroutine it was for. */
    void undelivered();
}
