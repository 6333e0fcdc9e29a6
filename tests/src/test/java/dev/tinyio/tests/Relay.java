package dev.tinyio.tests;

import java.util.function.IntSupplier;

/** Never mentions the library, so the agent leaves it alone: a stand-in for any uninstrumented library code. */
final class Relay {
    private Relay() {
    }

    static int relay(IntSupplier supplier) {
        return supplier.getAsInt() + 1;
    }
}
