package com.acme;

import java.util.function.Supplier;

/** Never names tinyio: it suspends only through the helpers it calls. */
final class Greeter {
    private Greeter() {
    }

    static String greet(String name) {
        return retry(() -> "hello " + Pauses.pause(name));
    }

    static <T> T retry(Supplier<T> body) {
        T answer = body.get();
        return answer != null ? answer : body.get();
    }
}
