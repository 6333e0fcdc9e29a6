package dev.tinyio.tests;

import dev.tinyio.Coro;

/** A body whose class file the tests also define as a hidden class, which no agent instruments. */
public final class HiddenYielder implements Coro.Body<Integer> {
    @Override
    public Integer run() {
        Coro.yield();
        return 1;
    }
}
