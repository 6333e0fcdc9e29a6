package com.acme;

import dev.tinyio.Coro;

final class Pauses {
    private Pauses() {
    }

    static String pause(String value) {
        Coro.yield();
        return value;
    }
}
