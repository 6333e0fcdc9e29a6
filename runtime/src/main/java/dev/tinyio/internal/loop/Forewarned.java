package dev.tinyio.internal.loop;

/**
 * One of the runtime's own coroutines that has work to start stopping before its turn to be cancelled comes: a
 * thread to interrupt. When a run fails, every such coroutine is told at once, and then each coroutine is cancelled
 * in order as always, so that threads stop side by side rather than one after another.
 */
public interface Forewarned {
    /** The run is about to cancel every coroutine, this one among them. */
    void cancellationComing();
}
