package dev.tinyio.internal.vocabulary;

/** The stages of a coroutine's life, as its loop sees it. A coroutine moves forward only, and at most once. */
public enum CoroState {
    /** Not yet seen by any loop. */
    NEW,
    /** Known to its owner loop and not finished: running, ready, or waiting. */
    ACTIVE,
    /** Returned; its result is kept. */
    DONE,
    /** Threw, was cancelled, or timed out; it has no result. */
    FAILED;

    /**
     * Whether a coroutine in this state has finished.
     *
     * @return true for {@link #DONE} and {@link #FAILED}
     */
    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }
}
