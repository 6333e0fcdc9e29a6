package demo.app;

import demo.lib.Steps;

/** Never names tinyio: suspends only through the library's steps. */
final class Helper {
    private Helper() {
    }

    static int twoSteps(String name) {
        return Steps.step(name + "1", 1) + Steps.step(name + "2", 2);
    }
}
