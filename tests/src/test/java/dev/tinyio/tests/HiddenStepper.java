package dev.tinyio.tests;

import dev.tinyio.Coro;

/**
 * A body that suspends only through a helper. The tests also define its class file as a hidden class, which no
 * agent instruments: that copy carries on with the helper's dummy result, which must never pass for its value.
 */
public final class HiddenStepper implements Coro.Body<Integer> {
    @Override
    public Integer run() {
        return Steps.step(21) * 2;
    }
}
