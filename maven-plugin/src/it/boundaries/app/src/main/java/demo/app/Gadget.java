package demo.app;

import demo.lib.Steps;

/** Suspends in its constructor, which can never work. */
final class Gadget {
    private final int size;

    Gadget() {
        this.size = Steps.step(1);
    }

    int size() {
        return size;
    }
}
