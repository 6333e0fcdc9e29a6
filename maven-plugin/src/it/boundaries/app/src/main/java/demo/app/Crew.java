package demo.app;

import demo.lib.Steps;

/** Used through a bound method reference, {@code crew::work}. */
final class Crew {
    private final int base;

    Crew(int base) {
        this.base = base;
    }

    int work() {
        return Steps.step(base) * 2;
    }
}
